<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
  <context>
    <name>App</name>
    <message>
        <source>Today is not the event day (%1): opened in rehearsal. Leave rehearsal for the live show.</source>
        <translation>오늘은 행사일(%1)이 아니어서 리허설 모드로 열었습니다. 실제 진행은 리허설을 종료하세요.</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/app.py" line="222" />
      <source>runshow — cannot open the schedule</source>
      <translation>runshow — 일정 파일을 열 수 없습니다</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/app.py" line="223" />
      <source>%1 has %2 problem(s):</source>
      <translation>%1 파일에 문제가 %2개 있습니다:</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/app.py" line="280" />
      <source>%1 — room: %2</source>
      <translation>%1 — 방: %2</translation>
    </message>
  </context>
  <context>
    <name>StagePlacement</name>
    <message>
      <location filename="../../runshow/ui/screens.py" line="184" />
      <source>Stage display</source>
      <translation>무대 화면 위치</translation>
    </message>
  </context>
  <context>
    <name>StageView</name>
    <message>
      <location filename="../../runshow/ui/stage.py" line="268" />
      <source>now</source>
      <translation>지금</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/stage.py" line="268" />
      <source>next</source>
      <translation>다음</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/stage.py" line="365" />
      <source>REHEARSAL — not the live show</source>
      <translation>리허설 · REHEARSAL — 실제 행사 아님</translation>
    </message>
    <message>
      <location filename="../../runshow/present/stage_content.py" line="1" />
      <source>Starts at %1</source>
      <translation>%1 시작</translation>
    </message>
    <message>
      <location filename="../../runshow/present/stage_content.py" line="1" />
      <source>Nothing scheduled until then</source>
      <translation>그때까지 예정된 순서 없음</translation>
    </message>
    <message>
      <location filename="../../runshow/present/stage_content.py" line="1" />
      <source>Until the next item</source>
      <translation>다음 순서까지</translation>
    </message>
    <message>
      <location filename="../../runshow/present/stage_content.py" line="1" />
      <source>Segment time left</source>
      <translation>순서 남은 시간</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/stage_content.py" line="124" />
      <source>Last segment</source>
      <translation>마지막 순서</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/stage_content.py" line="125" />
      <source>Next: %1</source>
      <translation>다음 순서: %1</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/stage_content.py" line="152" />
      <source>Until the %1 start</source>
      <translation>%1 시작까지</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/stage_content.py" line="156" />
      <source>First: %1</source>
      <translation>첫 순서: %1</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/stage_content.py" line="166" />
      <source>The show has ended</source>
      <translation>행사가 끝났습니다</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/stage_content.py" line="167" />
      <source>Thank you</source>
      <translation>수고하셨습니다</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/stage_content.py" line="169" />
      <source>Ended at</source>
      <translation>종료 시각</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/stage_content.py" line="173" />
      <source>Planned end %1</source>
      <translation>예정 종료 %1</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/stage_content.py" line="190" />
      <source>Overtime</source>
      <translation>시간 초과</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/stage_content.py" line="192" />
      <source>Paused</source>
      <translation>일시정지</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/stage_content.py" line="194" />
      <source>Time left</source>
      <translation>남은 시간</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/stage_content.py" line="208" />
      <source>in %1</source>
      <translation>%1 후</translation>
    </message>
  </context>
  <context>
    <name>StageWindow</name>
    <message>
      <location filename="../../runshow/ui/stage.py" line="383" />
      <source>runshow — stage</source>
      <translation>runshow — 무대</translation>
    </message>
  </context>
  <context>
    <name>timefmt</name>
    <message>
      <location filename="../../runshow/ui/timefmt.py" line="41" />
      <source>on time</source>
      <translation>정시</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/timefmt.py" line="46" />
      <source>+%1 late</source>
      <translation>+%1 늦음</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/timefmt.py" line="47" />
      <source>%1 early</source>
      <translation>%1 빠름</translation>
    </message>
  </context>
</TS>