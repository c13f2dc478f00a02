<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>RehearsalPanel</name>
    <message>
        <location filename="../../runshow/ui/rehearsal_panel.py" line="59"/>
        <source>Rehearsal</source>
        <translation>리허설</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/rehearsal_panel.py" line="68"/>
        <source>REHEARSAL — the live record is not touched</source>
        <translation>리허설 중 — 실제 진행 기록은 바뀌지 않습니다 (REHEARSAL)</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/rehearsal_panel.py" line="79"/>
        <source>Start at</source>
        <translation>시작 시각</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/rehearsal_panel.py" line="86"/>
        <source>Speed</source>
        <translation>배속</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/rehearsal_panel.py" line="87"/>
        <source>Simulate an on-time operator</source>
        <translation>정시 진행으로 자동 재생</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/rehearsal_panel.py" line="92"/>
        <location filename="../../runshow/ui/rehearsal_panel.py" line="211"/>
        <source>Enter rehearsal</source>
        <translation>리허설 시작</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/rehearsal_panel.py" line="94"/>
        <location filename="../../runshow/ui/rehearsal_panel.py" line="193"/>
        <location filename="../../runshow/ui/rehearsal_panel.py" line="215"/>
        <source>Pause</source>
        <translation>일시정지</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/rehearsal_panel.py" line="96"/>
        <source>Play scenario…</source>
        <translation>시나리오 재생…</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/rehearsal_panel.py" line="105"/>
        <source>Jump to time</source>
        <translation>시각으로 이동</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/rehearsal_panel.py" line="110"/>
        <source>Jump to segment</source>
        <translation>순서로 이동</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/rehearsal_panel.py" line="131"/>
        <source>Scenario</source>
        <translation>시나리오</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/rehearsal_panel.py" line="146"/>
        <source>Speed must be a number above 0 and at most 600.</source>
        <translation>배속은 0보다 크고 600 이하인 숫자여야 합니다.</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/rehearsal_panel.py" line="155"/>
        <source>Speed set to %1×</source>
        <translation>배속 %1×</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/rehearsal_panel.py" line="184"/>
        <source>Playing scenario %1</source>
        <translation>시나리오 재생 중: %1</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/rehearsal_panel.py" line="196"/>
        <source>Resume</source>
        <translation>재개</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/rehearsal_panel.py" line="209"/>
        <source>Leave rehearsal</source>
        <translation>리허설 종료</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/rehearsal_panel.py" line="231"/>
        <source>REHEARSAL</source>
        <translation>리허설 REHEARSAL</translation>
    </message>
    <message>
        <source>The start time applies when a rehearsal starts; while one runs, use Jump to time.</source>
        <translation>시작 시각은 리허설을 시작할 때 적용됩니다. 리허설 중에는 ‘시각으로 이동’을 쓰세요.</translation>
    </message>
    <message>
        <source>On-time operator on: Next at every planned end from now</source>
        <translation>정시 진행 켜짐: 지금부터 계획된 종료 시각마다 다음으로 넘깁니다</translation>
    </message>
    <message>
        <source>On-time operator off: you drive the rehearsal</source>
        <translation>정시 진행 꺼짐: 리허설을 직접 진행합니다</translation>
    </message>
    <message>
        <source>A scenario is playing: it drives the rehearsal</source>
        <translation>시나리오 재생 중: 시나리오가 리허설을 진행합니다</translation>
    </message>
</context>
</TS>
