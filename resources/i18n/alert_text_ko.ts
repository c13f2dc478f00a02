<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AlertText</name>
    <message>
        <location filename="../../runshow/ui/alert_text.py" line="25"/>
        <source>%1 min</source>
        <translation>%1분</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_text.py" line="27"/>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_text.py" line="44"/>
        <source>Wrap up: %1 left — %2</source>
        <translation>마무리 — %2 남은 시간 %1</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_text.py" line="46"/>
        <source>Ending: %1 left — %2</source>
        <translation>곧 종료 — %2 남은 시간 %1</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_text.py" line="48"/>
        <source>Overtime — %1</source>
        <translation>시간 초과 — %1</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_text.py" line="50"/>
        <source>Break starts in %1</source>
        <translation>%1 후 휴식 시작</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_text.py" line="52"/>
        <source>Break ends in %1: call the audience back</source>
        <translation>휴식 종료 %1 전 — 청중 입장 안내</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_text.py" line="55"/>
        <source>Break over — next: %1</source>
        <translation>휴식 종료 — 다음: %1</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_text.py" line="57"/>
        <location filename="../../runshow/ui/alert_text.py" line="87"/>
        <source>Break over</source>
        <translation>휴식 종료</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_text.py" line="61"/>
        <source>Stand by: %1, on in %2 (%3)</source>
        <translation>%1 대기 — %2 후 %3</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_text.py" line="64"/>
        <location filename="../../runshow/ui/alert_text.py" line="91"/>
        <source>%1 to %2</source>
        <translation>%2 %1 전</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_text.py" line="66"/>
        <source>Planned stream end %1</source>
        <translation>송출 종료 예정 시각 %1</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_text.py" line="77"/>
        <source>Wrap up, %1</source>
        <translation>마무리 %1</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_text.py" line="79"/>
        <source>Ending, %1</source>
        <translation>곧 종료 %1</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_text.py" line="81"/>
        <source>Overtime</source>
        <translation>시간 초과</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_text.py" line="83"/>
        <source>Break in %1</source>
        <translation>%1 후 휴식</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_text.py" line="85"/>
        <source>Break ends in %1</source>
        <translation>휴식 종료 %1 전</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_text.py" line="89"/>
        <source>%1, stand by</source>
        <translation>%1 대기</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_text.py" line="93"/>
        <source>End %1</source>
        <translation>종료 %1</translation>
    </message>
</context>
</TS>
