<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ClockStep</name>
    <message>
        <location filename="../../ui/clock_step.py" line="33"/>
        <source>The system clock jumped %1 at %2 (it now reads %3). Show time is kept until you choose.</source>
        <translation>시스템 시계가 %2에 %1 건너뛰었습니다 (지금 시스템 시계: %3). 선택할 때까지 행사 시간을 유지합니다.</translation>
    </message>
    <message>
        <location filename="../../ui/clock_step.py" line="60"/>
        <source>Keep show time</source>
        <translation>행사 시간 유지</translation>
    </message>
    <message>
        <location filename="../../ui/clock_step.py" line="61"/>
        <source>Follow the new time</source>
        <translation>새 시각 따르기</translation>
    </message>
</context>
<context>
    <name>JournalFault</name>
    <message>
        <location filename="../../ui/journal_fault.py" line="39"/>
        <source>The journal cannot be written (%1): %2. Keys are refused until the show continues in another folder.</source>
        <translation>저널에 쓸 수 없습니다 (%1): %2. 다른 폴더에 계속 기록할 때까지 조작은 거부됩니다.</translation>
    </message>
    <message>
        <location filename="../../ui/journal_fault.py" line="43"/>
        <source>The last action could not be written to the journal (%1): %2. It was refused and is not recorded. Free some space, or continue in another folder.</source>
        <translation>마지막 조작을 저널에 쓰지 못했습니다 (%1): %2. 그 조작은 거부되었고 기록되지 않았습니다. 공간을 확보하거나 다른 폴더에 계속 기록하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/journal_fault.py" line="47"/>
        <source>The journal could not be repaired after a failed write (%1): %2. Nothing more is recorded there: continue in another folder.</source>
        <translation>쓰기 실패 후 저널을 복구하지 못했습니다 (%1): %2. 이 파일에는 더 기록하지 않습니다. 다른 폴더에 계속 기록하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/journal_fault.py" line="100"/>
        <source>Continue in another folder…</source>
        <translation>다른 폴더에 계속 기록…</translation>
    </message>
    <message>
        <location filename="../../ui/journal_fault.py" line="121"/>
        <source>Continue the journal in another folder</source>
        <translation>저널을 이어서 기록할 폴더</translation>
    </message>
    <message>
        <location filename="../../ui/journal_fault.py" line="146"/>
        <source>The journal cannot be written in %1 either (%2). Choose another folder.</source>
        <translation>%1에도 저널을 쓸 수 없습니다 (%2). 다른 폴더를 고르세요.</translation>
    </message>
    <message>
        <location filename="../../ui/journal_fault.py" line="166"/>
        <source>The journal continues in %1 (%2 actions carried). The next start resumes from it.</source>
        <translation>저널을 %1에 이어서 기록합니다 (조작 %2개 옮김). 다음 시작 때 이 저널에서 이어집니다.</translation>
    </message>
</context>
</TS>
