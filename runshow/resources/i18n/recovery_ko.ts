<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Recovery</name>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="67" />
        <source>Resume</source>
        <translation>이어서 진행</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="68" />
        <source>Start clean</source>
        <translation>새로 시작</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="104" />
        <source>segment %1 was added (%2)</source>
        <translation>세그먼트 %1 추가됨 (%2)</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="105" />
        <source>segment %1 was removed (%2)</source>
        <translation>세그먼트 %1 삭제됨 (%2)</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="108" />
        <source>segment %1 was renamed: %2 → %3</source>
        <translation>세그먼트 %1 제목 변경: %2 → %3</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="109" />
        <source>segment %1 was retimed: %2 → %3</source>
        <translation>세그먼트 %1 시간 변경: %2 → %3</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="110" />
        <source>segment %1 has other speakers: %2 → %3</source>
        <translation>세그먼트 %1 연사 변경: %2 → %3</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="111" />
        <source>segment %1 moved: %2 → %3</source>
        <translation>세그먼트 %1 순서 변경: %2 → %3</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="120" />
        <source>… and %1 more</source>
        <translation>… 외 %1건</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="128" />
        <source>%1 line(s) of the journal could not be used (every complete record was kept):</source>
        <translation>저널의 %1개 줄을 사용할 수 없습니다 (온전한 기록은 모두 유지했습니다):</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="139" />
        <source>The schedule changed since the journal was started:</source>
        <translation>저널 시작 이후 일정이 바뀌었습니다:</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="151" />
        <source>none (%1)</source>
        <translation>없음 (%1)</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="153" />
        <source>Resumed from the journal: %1 actions, current cue %2.</source>
        <translation>저널에서 복구했습니다: 동작 %1개, 현재 큐 %2.</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="160" />
        <source>the event is on %1 and today is %2</source>
        <translation>행사일은 %1인데 오늘은 %2입니다</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="161" />
        <source>the event is on %1 and today is %2; the schedule changed</source>
        <translation>행사일은 %1인데 오늘은 %2이고, 일정도 바뀌었습니다</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="164" />
        <source>the journal has no readable header and no actions</source>
        <translation>저널에 읽을 수 있는 머리글도, 동작도 없습니다</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="165" />
        <source>the journal's first line is not a readable header, so it cannot say which schedule it belongs to</source>
        <translation>저널 첫 줄(머리글)을 읽을 수 없어 어느 일정의 저널인지 알 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="169" />
        <source>the journal belongs to another event (%1, %2)</source>
        <translation>다른 행사의 저널입니다 (%1, %2)</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="170" />
        <source>the schedule changed: the journal jumps to segment %1, which the schedule no longer has</source>
        <translation>일정이 바뀌었습니다: 저널이 이동한 세그먼트 %1이(가) 이제 일정에 없습니다</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="173" />
        <source>the schedule changed: the %1 action at %2 no longer applies to it</source>
        <translation>일정이 바뀌었습니다: %2의 %1 동작을 바뀐 일정에 적용할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="176" />
        <source>the schedule changed: the show ran in follow mode and segment times changed, so the cues it followed may differ</source>
        <translation>일정이 바뀌었습니다: 자동 진행(follow) 모드였는데 세그먼트 시간이 바뀌어 따라간 큐가 다를 수 있습니다</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="180" />
        <source>the schedule changed: cue %1 was %2 and is now %3; the show already passed it, so its cues cannot be matched</source>
        <translation>일정이 바뀌었습니다: 큐 %1이(가) %2에서 %3(으)로 바뀌었고 이미 지나간 큐라 맞출 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="184" />
        <source>the schedule changed: it now has fewer cues than the show already reached</source>
        <translation>일정이 바뀌었습니다: 이미 진행한 큐보다 큐 수가 적습니다</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="187" />
        <source>the schedule changed: the show reached the last cue, and the number of cues changed</source>
        <translation>일정이 바뀌었습니다: 마지막 큐까지 진행했는데 큐 수가 바뀌었습니다</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="190" />
        <source>the schedule changed</source>
        <translation>일정이 바뀌었습니다</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="221" />
        <location filename="../../runshow/ui/recovery.py" line="232" />
        <source>runshow — no journal</source>
        <translation>runshow — 저널 없음</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="222" />
        <source>Another runshow is already running this show (%1). This window does not record its actions: close it and use the other one.</source>
        <translation>다른 runshow가 이미 이 행사를 진행 중입니다 (%1). 이 창은 조작 내역을 기록하지 않습니다: 이 창을 닫고 다른 창을 사용하세요.</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="233" />
        <source>The journal cannot be written (%1). The show runs, but its actions will not survive a crash.</source>
        <translation>저널을 기록할 수 없습니다 (%1). 진행은 계속되지만, 비정상 종료 시 조작 내역이 복구되지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="244" />
        <source>runshow — journal</source>
        <translation>runshow — 저널</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="251" />
        <location filename="../../runshow/ui/recovery.py" line="302" />
        <source>Started clean. The previous journal is kept as %1.</source>
        <translation>새로 시작했습니다. 이전 저널은 %1(으)로 보관했습니다.</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="263" />
        <source>A journal of this show was found, but %1.</source>
        <translation>이 행사의 저널이 있지만, %1.</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="266" />
        <source>

Resume it (%2 actions), or start clean (the old journal is kept)?</source>
        <translation>

이어서 진행할까요 (동작 %2개), 아니면 새로 시작할까요 (이전 저널은 보관됩니다)?</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="301" />
        <source>The journal was not resumed: %1.</source>
        <translation>저널을 이어받지 않았습니다: %1.</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="0" />
        <source>segment %2 is now %1 (same place, title or times)</source>
        <translation>세그먼트 %2는 이제 %1입니다 (같은 순서·제목·시간으로 찾음)</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="0" />
        <source>the event's title changed: %2 → %3</source>
        <translation>행사 제목 변경: %2 → %3</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="0" />
        <source>details changed that the journal does not keep (notes, owners, alerts …)</source>
        <translation>저널에 기록되지 않는 세부 사항이 바뀌었습니다 (메모, 담당, 알림 등)</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/recovery.py" line="0" />
        <source>the schedule changed and the journal's copy of the old rundown is damaged, so it cannot be told whether the cues are the same</source>
        <translation>일정이 바뀌었고 저널에 남은 이전 진행표 사본이 손상되어, 큐가 같은지 알 수 없습니다</translation>
    </message>
</context>
</TS>