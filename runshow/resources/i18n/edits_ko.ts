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
  <context>
    <name>CatchUpPanel</name>
    <message>
      <source>Apply</source>
      <translation>적용</translation>
    </message>
    <message>
      <source>Hard stop %1: projected end %2, %3 to spare</source>
      <translation>하드 스톱 %1: 예상 종료 %2, 여유 %3</translation>
    </message>
    <message>
      <source>Over the hard stop %1 by %2: projected end %3</source>
      <translation>하드 스톱 %1을(를) %2 넘김: 예상 종료 %3</translation>
    </message>
    <message>
      <source>Proposal — trim:</source>
      <translation>제안 — 줄일 세그먼트:</translation>
    </message>
    <message>
      <source>No segment still to come may shrink (none is flexible).</source>
      <translation>남은 세그먼트 중 줄일 수 있는 것이 없습니다 (조정 가능한 세그먼트 없음).</translation>
    </message>
    <message>
      <source>Projected end after it: %1</source>
      <translation>적용 후 예상 종료: %1</translation>
    </message>
    <message>
      <source>The hard stop cannot be made: it will be missed by %1</source>
      <translation>하드 스톱을 맞출 수 없습니다: %1 넘깁니다</translation>
    </message>
    <message>
      <source>Nothing to trim</source>
      <translation>줄일 것이 없습니다</translation>
    </message>
    <message>
      <source>Catch-up applied: %1 segment(s) shortened (Ctrl+Z undoes all of it)</source>
      <translation>만회 계획 적용: 세그먼트 %1개 단축 (Ctrl+Z로 한 번에 모두 되돌립니다)</translation>
    </message>
  </context>
  <context>
    <name>InsertDialog</name>
    <message>
      <source>Title</source>
      <translation>제목</translation>
    </message>
    <message>
      <source>Length (minutes, or 7:30)</source>
      <translation>길이 (분, 또는 7:30)</translation>
    </message>
    <message>
      <source>Owner / presenter</source>
      <translation>담당 / 발표</translation>
    </message>
    <message>
      <source>Insert</source>
      <translation>넣기</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>취소</translation>
    </message>
  </context>
  <context>
    <name>RundownEditor</name>
    <message>
      <source>Minutes (8), or 7:30, or 1h5m</source>
      <translation>분(8), 또는 7:30, 또는 1h5m</translation>
    </message>
    <message>
      <source>Save amended schedule</source>
      <translation>수정된 일정 저장</translation>
    </message>
    <message>
      <source>Schedule (*.toml)</source>
      <translation>일정 파일 (*.toml)</translation>
    </message>
    <message>
      <source>Edit</source>
      <translation>편집</translation>
    </message>
    <message>
      <source>Insert a segment before…</source>
      <translation>앞에 세그먼트 넣기…</translation>
    </message>
    <message>
      <source>Insert a segment after…</source>
      <translation>뒤에 세그먼트 넣기…</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>삭제</translation>
    </message>
    <message>
      <source>Skip</source>
      <translation>건너뛰기</translation>
    </message>
    <message>
      <source>Move up</source>
      <translation>위로 이동</translation>
    </message>
    <message>
      <source>Move down</source>
      <translation>아래로 이동</translation>
    </message>
    <message>
      <source>Save amended schedule…</source>
      <translation>수정된 일정 저장…</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>파일(&amp;F)</translation>
    </message>
    <message>
      <source>Cannot change this: %1</source>
      <translation>바꿀 수 없습니다: %1</translation>
    </message>
    <message>
      <source>Select a row in the rundown first</source>
      <translation>먼저 진행표에서 행을 고르세요</translation>
    </message>
    <message>
      <source>Not a length: “%1” (minutes such as 8, or 7:30, or 1h5m)</source>
      <translation>길이로 읽을 수 없습니다: “%1” (8처럼 분, 또는 7:30, 또는 1h5m)</translation>
    </message>
    <message>
      <source>Changed “%1”: %2 → %3</source>
      <translation>“%1” 변경: %2 → %3</translation>
    </message>
    <message>
      <source>Insert before “%1”</source>
      <translation>“%1” 앞에 넣기</translation>
    </message>
    <message>
      <source>Insert after “%1”</source>
      <translation>“%1” 뒤에 넣기</translation>
    </message>
    <message>
      <source>Inserted “%1”</source>
      <translation>“%1” 넣음</translation>
    </message>
    <message>
      <source>Removed “%1”</source>
      <translation>“%1” 삭제함</translation>
    </message>
    <message>
      <source>Skipped “%1”</source>
      <translation>“%1” 건너뜀</translation>
    </message>
    <message>
      <source>“%1” is already first</source>
      <translation>“%1”은(는) 이미 맨 앞입니다</translation>
    </message>
    <message>
      <source>“%1” is already last</source>
      <translation>“%1”은(는) 이미 맨 뒤입니다</translation>
    </message>
    <message>
      <source>Moved “%1” up</source>
      <translation>“%1” 위로 옮김</translation>
    </message>
    <message>
      <source>Moved “%1” down</source>
      <translation>“%1” 아래로 옮김</translation>
    </message>
    <message>
      <source>Cannot change this row: %1</source>
      <translation>이 행은 바꿀 수 없습니다: %1</translation>
    </message>
    <message>
      <source>Not saved: %1 is the schedule the show was loaded from; choose a new file</source>
      <translation>저장하지 않음: %1은(는) 행사를 불러온 원본 일정입니다. 새 파일을 고르세요</translation>
    </message>
    <message>
      <source>Not saved: %1 (%2)</source>
      <translation>저장하지 않음: %1 (%2)</translation>
    </message>
    <message>
      <source>Saved the amended schedule to %1</source>
      <translation>수정된 일정을 %1에 저장했습니다</translation>
    </message>
  </context>
  <context>
    <name>StageView</name>
    <message>
      <source>Please cut %1 min</source>
      <translation>%1분 줄여 주세요</translation>
    </message>
  </context>
</TS>
