<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
  <context>
    <name>CatchUpCli</name>
    <message>
      <source>missing: the catch-up planner needs the instant the show must be over, e.g. hard_stop = "16:25" in [event] (or --hard-stop HH:MM for this run)</source>
      <translation>없음: 만회 계획에는 행사가 반드시 끝나야 하는 시각(하드 스톱)이 필요합니다. [event]에 hard_stop = "16:25"처럼 적거나, 이번 실행에만 --hard-stop HH:MM을 주세요</translation>
    </message>
    <message>
      <source>--min %1: expected SEGMENT=DURATION, e.g. panel=30m</source>
      <translation>--min %1: 세그먼트=길이 형식이어야 합니다 (예: panel=30m)</translation>
    </message>
    <message>
      <source>--min %1: no segment with id %2</source>
      <translation>--min %1: id가 %2인 세그먼트가 없습니다</translation>
    </message>
    <message>
      <source>at %1: projected end %2, hard stop %3</source>
      <translation>%1 기준: 예상 종료 %2, 하드 스톱 %3</translation>
    </message>
    <message>
      <source>on time for the hard stop (%1 s to spare): nothing to trim</source>
      <translation>하드 스톱에 맞습니다 (여유 %1초): 줄일 것이 없습니다</translation>
    </message>
    <message>
      <source>over by %1 s</source>
      <translation>%1초 초과</translation>
    </message>
    <message>
      <source>  no segment may shrink (none is flexible, or all have ended)</source>
      <translation>  줄일 수 있는 세그먼트가 없습니다 (조정 가능한 세그먼트가 없거나 모두 끝났습니다)</translation>
    </message>
    <message>
      <source>projected end after: %1</source>
      <translation>적용 후 예상 종료: %1</translation>
    </message>
    <message>
      <source>the hard stop cannot be made: missed by %1 s</source>
      <translation>하드 스톱을 맞출 수 없습니다: %1초 넘깁니다</translation>
    </message>
  </context>
</TS>
