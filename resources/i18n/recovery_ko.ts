<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Recovery</name>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="49"/>
        <source>Resume</source>
        <translation>이어서 진행</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="50"/>
        <source>Start clean</source>
        <translation>새로 시작</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="86"/>
        <source>segment %1 was added (%2)</source>
        <translation>세그먼트 %1 추가됨 (%2)</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="87"/>
        <source>segment %1 was removed (%2)</source>
        <translation>세그먼트 %1 삭제됨 (%2)</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="90"/>
        <source>segment %1 was renamed: %2 → %3</source>
        <translation>세그먼트 %1 제목 변경: %2 → %3</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="91"/>
        <source>segment %1 was retimed: %2 → %3</source>
        <translation>세그먼트 %1 시간 변경: %2 → %3</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="92"/>
        <source>segment %1 has other speakers: %2 → %3</source>
        <translation>세그먼트 %1 연사 변경: %2 → %3</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="93"/>
        <source>segment %1 moved: %2 → %3</source>
        <translation>세그먼트 %1 순서 변경: %2 → %3</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="102"/>
        <source>… and %1 more</source>
        <translation>… 외 %1건</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="110"/>
        <source>%1 line(s) of the journal could not be used (every complete record was kept):</source>
        <translation>저널의 %1개 줄을 사용할 수 없습니다 (온전한 기록은 모두 유지했습니다):</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="121"/>
        <source>The schedule changed since the journal was started:</source>
        <translation>저널 시작 이후 일정이 바뀌었습니다:</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="133"/>
        <source>none (%1)</source>
        <translation>없음 (%1)</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="135"/>
        <source>Resumed from the journal: %1 actions, current cue %2.</source>
        <translation>저널에서 복구했습니다: 동작 %1개, 현재 큐 %2.</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="159"/>
        <source>runshow — no journal</source>
        <translation>runshow — 저널 없음</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="160"/>
        <source>The journal cannot be written (%1). The show runs, but its actions will not survive a crash.</source>
        <translation>저널을 기록할 수 없습니다 (%1). 진행은 계속되지만, 비정상 종료 시 조작 내역이 복구되지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="171"/>
        <source>runshow — journal</source>
        <translation>runshow — 저널</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="178"/>
        <location filename="../../runshow/ui/recovery.py" line="228"/>
        <source>Started clean. The previous journal is kept as %1.</source>
        <translation>새로 시작했습니다. 이전 저널은 %1(으)로 보관했습니다.</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="190"/>
        <source>A journal of this show was found, but %1.</source>
        <translation>이 행사의 저널이 있지만, %1.</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="193"/>
        <source>

Resume it (%2 actions), or start clean (the old journal is kept)?</source>
        <translation>

이어서 진행할까요 (동작 %2개), 아니면 새로 시작할까요 (이전 저널은 보관됩니다)?</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="227"/>
        <source>The journal was not resumed: %1.</source>
        <translation>저널을 이어받지 않았습니다: %1.</translation>
    </message>
</context>
</TS>
