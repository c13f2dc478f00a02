<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AlertText</name>
    <message>
        <location filename="../../runshow/ui/alert_text.py" line="26"/>
        <source>Wrap up: %1 left — %2</source>
        <translation>마무리 — %2 남은 시간 %1</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_text.py" line="27"/>
        <source>Wrap up, %1</source>
        <translation>마무리 %1</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_text.py" line="30"/>
        <source>Ending: %1 left — %2</source>
        <translation>곧 종료 — %2 남은 시간 %1</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_text.py" line="31"/>
        <source>Ending, %1</source>
        <translation>곧 종료 %1</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_text.py" line="34"/>
        <source>Overtime — %2</source>
        <translation>시간 초과 — %2</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_text.py" line="35"/>
        <source>Overtime</source>
        <translation>시간 초과</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_text.py" line="38"/>
        <source>Break starts in %1</source>
        <translation>%1 후 휴식 시작</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_text.py" line="39"/>
        <source>Break in %1</source>
        <translation>%1 후 휴식</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_text.py" line="42"/>
        <source>Break ends in %1: call the audience back</source>
        <translation>휴식 종료 %1 전 — 청중 입장 안내</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_text.py" line="43"/>
        <source>Break ends in %1</source>
        <translation>휴식 종료 %1 전</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_text.py" line="46"/>
        <source>Break over — next: %2</source>
        <translation>휴식 종료 — 다음: %2</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_text.py" line="47"/>
        <source>Break over</source>
        <translation>휴식 종료</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_text.py" line="50"/>
        <source>Stand by: %2, on in %1 (%3)</source>
        <translation>%2 대기 — %1 후 %3</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_text.py" line="51"/>
        <source>%2, stand by</source>
        <translation>%2 대기</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_text.py" line="54"/>
        <location filename="../../runshow/ui/alert_text.py" line="55"/>
        <source>The show ends in %1 (%2)</source>
        <translation>행사 종료 %1 전 (%2)</translation>
    </message>
    <message>
        <location filename="../../runshow/present/alert_text.py" line="55"/>
        <source>End in %1</source>
        <translation>종료 %1 전</translation>
    </message>
    <message>
        <location filename="../../runshow/present/alert_text.py" line="62"/>
        <source>Planned end of the show %2</source>
        <translation>행사 종료 예정 시각 %2</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_text.py" line="58"/>
        <source>Planned stream end %2</source>
        <translation>송출 종료 예정 시각 %2</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_text.py" line="59"/>
        <source>End %2</source>
        <translation>종료 %2</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_text.py" line="70"/>
        <source>%1 min</source>
        <translation>%1분</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/alert_text.py" line="72"/>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
</context>
</TS>
