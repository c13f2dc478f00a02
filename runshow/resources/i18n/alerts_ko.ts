<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AlertLog</name>
    <message>
        <location filename="../../runshow/ui/alert_log.py" line="49"/>
        <source>Wrap-up warning</source>
        <translation>마무리 경고</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_log.py" line="50"/>
        <source>Wrap-up danger</source>
        <translation>종료 임박</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_log.py" line="51"/>
        <source>Overtime</source>
        <translation>시간 초과</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_log.py" line="52"/>
        <source>Break starting</source>
        <translation>휴식 시작 예고</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_log.py" line="53"/>
        <source>Break ending</source>
        <translation>휴식 종료 예고</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_log.py" line="54"/>
        <source>Break over</source>
        <translation>휴식 종료</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_log.py" line="55"/>
        <source>Speaker stand-by</source>
        <translation>발표자 대기</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_log.py" line="56"/>
        <source>Show end warning</source>
        <translation>폐회 예고</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_log.py" line="57"/>
        <source>Show end</source>
        <translation>송출 종료</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_log.py" line="58"/>
        <source>Custom</source>
        <translation>사용자 알림</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_log.py" line="65"/>
        <source>Operator</source>
        <translation>운영자</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_log.py" line="66"/>
        <source>Stage</source>
        <translation>무대</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_log.py" line="67"/>
        <source>Operator + stage</source>
        <translation>운영자 + 무대</translation>
    </message>
</context>
<context>
    <name>AlertLogDock</name>
    <message>
        <location filename="../../runshow/ui/alert_log.py" line="80"/>
        <location filename="../../runshow/ui/alert_log.py" line="204"/>
        <source>Alerts</source>
        <translation>알림</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_log.py" line="85"/>
        <source>Planned</source>
        <translation>예정</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_log.py" line="86"/>
        <source>Fired</source>
        <translation>발생</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_log.py" line="87"/>
        <source>Rule</source>
        <translation>규칙</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_log.py" line="88"/>
        <source>Alert</source>
        <translation>알림 내용</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_log.py" line="89"/>
        <source>For</source>
        <translation>대상</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_log.py" line="90"/>
        <source>Seen</source>
        <translation>확인</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_log.py" line="103"/>
        <source>Acknowledge</source>
        <translation>확인</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_log.py" line="107"/>
        <source>Mute chime</source>
        <translation>알림음 끄기</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_log.py" line="115"/>
        <source>Acknowledge (A)</source>
        <translation>확인 (A)</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_log.py" line="118"/>
        <source>Mute chime (Ctrl+M)</source>
        <translation>알림음 끄기 (Ctrl+M)</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_log.py" line="158"/>
        <source>missed (app closed)</source>
        <translation>놓침 (앱 종료 중)</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_log.py" line="161"/>
        <source>dropped</source>
        <translation>취소됨</translation>
    </message>
</context>
<context>
    <name>AlertPresenter</name>
    <message numerus="yes">
        <location filename="../../runshow/ui/alert_wiring.py" line="122"/>
        <source>%n alert(s) passed while runshow was closed — see the alert log</source>
        <translation>
            <numerusform>runshow가 꺼져 있는 동안 알림 %n건이 지나갔습니다 — 알림 기록을 확인하세요</numerusform>
        </translation>
    </message>
    <message>
        <source>Alert fault (%1): %2 — alerts may be missing; watch the clock and check the log</source>
        <translation>알림 장애 (%1): %2 — 알림이 빠질 수 있습니다. 시계를 직접 보고 알림 기록을 확인하세요</translation>
    </message>
</context>
</TS>
