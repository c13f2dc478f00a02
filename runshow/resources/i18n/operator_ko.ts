<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
  <context>
    <name>EngineReason</name>
    <message>
      <source>action time has no time zone</source>
      <translation>동작 시각에 시간대가 없습니다</translation>
    </message>
    <message>
      <source>action time {at} is out of range</source>
      <translation>동작 시각 {at}이(가) 범위를 벗어났습니다</translation>
    </message>
    <message>
      <source>action is older than the last one applied</source>
      <translation>마지막으로 적용된 조작보다 이전 시각의 조작입니다</translation>
    </message>
    <message>
      <source>empty message</source>
      <translation>메시지가 비어 있습니다</translation>
    </message>
    <message>
      <source>mode needs manual or follow</source>
      <translation>모드는 수동 또는 계획 따르기여야 합니다</translation>
    </message>
    <message>
      <source>already in {mode} mode</source>
      <translation>이미 {mode} 모드입니다</translation>
    </message>
    <message>
      <source>the show has already started</source>
      <translation>행사가 이미 시작되었습니다</translation>
    </message>
    <message>
      <source>the show has not started; use start</source>
      <translation>행사가 아직 시작되지 않았습니다. 시작을 누르세요</translation>
    </message>
    <message>
      <source>the show has ended</source>
      <translation>행사가 끝났습니다</translation>
    </message>
    <message>
      <source>the show has not started</source>
      <translation>행사가 아직 시작되지 않았습니다</translation>
    </message>
    <message>
      <source>already at the first cue</source>
      <translation>이미 첫 순서입니다</translation>
    </message>
    <message>
      <source>no segment with id {segment!r}</source>
      <translation>ID가 {segment!r}인 순서가 없습니다</translation>
    </message>
    <message>
      <source>nothing is running</source>
      <translation>진행 중인 순서가 없습니다</translation>
    </message>
    <message>
      <source>the show is not paused</source>
      <translation>일시정지 상태가 아닙니다</translation>
    </message>
    <message>
      <source>no cue is on to adjust</source>
      <translation>조정할 진행 중 순서가 없습니다</translation>
    </message>
    <message>
      <source>adjust needs a non-zero number of seconds</source>
      <translation>조정 시간은 0초가 아니어야 합니다</translation>
    </message>
    <message>
      <source>adjust by at most 24 hours</source>
      <translation>한 번에 최대 24시간까지 조정할 수 있습니다</translation>
    </message>
    <message>
      <source>a cue cannot be granted more than 24 hours</source>
      <translation>한 큐에 24시간을 넘게 더할 수 없습니다</translation>
    </message>
    <message>
      <source>cannot take away more than the cue's whole length</source>
      <translation>순서의 전체 시간보다 더 줄일 수 없습니다</translation>
    </message>
    <message>
      <source>nothing to undo</source>
      <translation>되돌릴 동작이 없습니다</translation>
    </message>
    <message>
      <source>nothing to redo</source>
      <translation>다시 실행할 동작이 없습니다</translation>
    </message>
    <message>
      <source>an amendment needs its details</source>
      <translation>변경 내용이 없습니다</translation>
    </message>
    <message>
      <source>segment {segment!r} has already ended</source>
      <translation>{segment!r} 순서는 이미 끝났습니다</translation>
    </message>
    <message>
      <source>segment {segment!r} has already started</source>
      <translation>{segment!r} 순서는 이미 시작되었습니다</translation>
    </message>
    <message>
      <source>segment {segment!r} needs a length of more than zero</source>
      <translation>{segment!r} 순서의 길이는 0보다 커야 합니다</translation>
    </message>
    <message>
      <source>segment {segment!r} cannot be longer than 24 hours</source>
      <translation>{segment!r} 순서는 24시간보다 길 수 없습니다</translation>
    </message>
    <message>
      <source>segment {segment!r} has already run {run_s} s; it cannot be shorter</source>
      <translation>{segment!r} 순서는 이미 {run_s}초 진행되어 그보다 짧게 할 수 없습니다</translation>
    </message>
    <message>
      <source>every speaker of {segment!r} needs a slot of more than zero</source>
      <translation>{segment!r}의 모든 발표자 시간은 0보다 커야 합니다</translation>
    </message>
    <message>
      <source>segment {segment!r} has no speaker number {index}</source>
      <translation>{segment!r} 순서에 {index}번 발표자가 없습니다</translation>
    </message>
    <message>
      <source>segment {segment!r} keeps at least one speaker once it has speakers; remove the segment</source>
      <translation>{segment!r} 순서에는 발표자가 한 명 이상 남아야 합니다. 순서 자체를 삭제하세요</translation>
    </message>
    <message>
      <source>there is already a segment with id {segment!r}</source>
      <translation>ID가 {segment!r}인 순서가 이미 있습니다</translation>
    </message>
    <message>
      <source>{segment!r} is not a usable segment id</source>
      <translation>{segment!r}은(는) 쓸 수 없는 순서 ID입니다</translation>
    </message>
    <message>
      <source>a segment needs a title</source>
      <translation>순서에는 제목이 필요합니다</translation>
    </message>
    <message>
      <source>a speaker needs a name</source>
      <translation>발표자에게는 이름이 필요합니다</translation>
    </message>
    <message>
      <source>{kind!r} is not a kind of segment</source>
      <translation>{kind!r}은(는) 순서 종류가 아닙니다</translation>
    </message>
    <message>
      <source>place must be before or after, not {place!r}</source>
      <translation>위치는 앞(before) 또는 뒤(after)여야 합니다: {place!r}</translation>
    </message>
    <message>
      <source>segment {segment!r} cannot be moved next to itself</source>
      <translation>{segment!r} 순서를 자기 옆으로 옮길 수 없습니다</translation>
    </message>
    <message>
      <source>segment {segment!r} cannot start before the segment before it</source>
      <translation>{segment!r} 순서는 앞 순서보다 먼저 시작할 수 없습니다</translation>
    </message>
    <message>
      <source>the first segment {segment!r} cannot be moved in time by an amendment</source>
      <translation>첫 순서 {segment!r}의 시각은 변경으로 옮길 수 없습니다</translation>
    </message>
    <message>
      <source>the show keeps at least one segment</source>
      <translation>행사에는 순서가 하나 이상 남아야 합니다</translation>
    </message>
    <message>
      <source>the amendment changes nothing</source>
      <translation>변경해도 달라지는 것이 없습니다</translation>
    </message>
    <message>
      <source>a batch of amendments needs at least one</source>
      <translation>묶음 변경에는 변경이 하나 이상 필요합니다</translation>
    </message>
    <message>
      <source>the journal could not be written ({error})</source>
      <translation>기록(저널)을 쓸 수 없습니다 ({error})</translation>
    </message>
    <message>
      <source>manual</source>
      <translation>수동</translation>
    </message>
    <message>
      <source>follow</source>
      <translation>계획 따르기</translation>
    </message>
  </context>
  <context>
    <name>HeaderStrip</name>
    <message>
      <location filename="../../runshow/ui/operator.py" line="110" />
      <source>Now</source>
      <translation>현재 시각</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/operator.py" line="111" />
      <source>On now</source>
      <translation>진행 중</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/operator.py" line="112" />
      <source>Remaining</source>
      <translation>남은 시간</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/operator.py" line="164" />
      <source>Until the next item</source>
      <translation>다음 순서까지</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/operator.py" line="113" />
      <source>Drift</source>
      <translation>지연/단축</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/operator.py" line="114" />
      <source>Projected end</source>
      <translation>예상 종료</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/operator.py" line="115" />
      <source>Mode</source>
      <translation>모드</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/operator.py" line="140" />
      <source>%1 (paused)</source>
      <translation>%1 (일시정지)</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/operator.py" line="142" />
      <source>Before the show</source>
      <translation>행사 시작 전</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/operator.py" line="144" />
      <source>The show has ended</source>
      <translation>행사 종료</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/operator.py" line="162" />
      <source>%1 (planned %2)</source>
      <translation>%1 (계획 %2)</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/operator.py" line="167" />
      <source>Follow the plan</source>
      <translation>계획 따라가기</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/operator.py" line="167" />
      <source>Manual</source>
      <translation>수동</translation>
    </message>
  </context>
  <context>
    <name>HelpOverlay</name>
    <message>
      <location filename="../../runshow/ui/help_overlay.py" line="46" />
      <source>Keyboard shortcuts</source>
      <translation>단축키</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/help_overlay.py" line="71" />
      <source>Press any key to close</source>
      <translation>아무 키나 누르면 닫힙니다</translation>
    </message>
  </context>
  <context>
    <name>MessageDialog</name>
    <message>
      <location filename="../../runshow/ui/message_dialog.py" line="25" />
      <source>Please wrap up</source>
      <translation>마무리 부탁드립니다</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/message_dialog.py" line="26" />
      <source>One minute left</source>
      <translation>1분 남았습니다</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/message_dialog.py" line="27" />
      <source>Five minutes left</source>
      <translation>5분 남았습니다</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/message_dialog.py" line="28" />
      <source>Please speak closer to the microphone</source>
      <translation>마이크에 가까이 말씀해 주세요</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/message_dialog.py" line="29" />
      <source>Time is up</source>
      <translation>시간이 다 되었습니다</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/message_dialog.py" line="30" />
      <source>Next speaker, please stand by</source>
      <translation>다음 발표자 대기 부탁드립니다</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/message_dialog.py" line="39" />
      <source>Message to the stage</source>
      <translation>무대로 메시지 보내기</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/message_dialog.py" line="41" />
      <source>Text shown on the stage monitor:</source>
      <translation>무대 모니터에 표시할 문구:</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/message_dialog.py" line="43" />
      <source>Type a message, or pick a preset below</source>
      <translation>메시지를 입력하거나 아래 문구를 고르세요</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/message_dialog.py" line="56" />
      <source>Send</source>
      <translation>보내기</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/message_dialog.py" line="57" />
      <source>Cancel</source>
      <translation>취소</translation>
    </message>
  </context>
  <context>
    <name>OperatorCommands</name>
    <message>
      <location filename="../../runshow/ui/commands.py" line="63" />
      <location filename="../../runshow/ui/commands.py" line="183" />
      <source>Next</source>
      <translation>다음</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/commands.py" line="64" />
      <source>Previous</source>
      <translation>이전</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/commands.py" line="66" />
      <source>Go to selected segment</source>
      <translation>선택한 순서로 이동</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/commands.py" line="68" />
      <location filename="../../runshow/ui/commands.py" line="186" />
      <source>Pause</source>
      <translation>일시정지</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/commands.py" line="70" />
      <source>Add one minute</source>
      <translation>1분 추가</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/commands.py" line="75" />
      <source>Take one minute away</source>
      <translation>1분 줄이기</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/commands.py" line="79" />
      <source>Follow the plan (auto)</source>
      <translation>계획 따라가기 (자동)</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/commands.py" line="81" />
      <source>Message to the stage…</source>
      <translation>무대 메시지…</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/commands.py" line="83" />
      <source>Clear message</source>
      <translation>메시지 지우기</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/commands.py" line="85" />
      <source>Blackout stage</source>
      <translation>무대 화면 끄기</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/commands.py" line="88" />
      <source>Stage full screen</source>
      <translation>무대 화면 전체 화면</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/commands.py" line="91" />
      <source>Keyboard shortcuts</source>
      <translation>단축키</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/commands.py" line="154" />
      <source>Select a segment in the rundown first</source>
      <translation>먼저 진행표에서 순서를 선택하세요</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/commands.py" line="176" />
      <source>Not done: %1</source>
      <translation>실행 안 됨: %1</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/commands.py" line="183" />
      <source>Start</source>
      <translation>시작</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/commands.py" line="186" />
      <source>Resume</source>
      <translation>재개</translation>
    </message>
    <message>
        <source>Go to selected segment (rundown)</source>
        <translation>선택한 순서로 이동 (진행표에서)</translation>
    </message>
    <message>
        <source>Ignored a second %1 %2 s after the last one (a double tap?); press again to go on</source>
        <translation>직전 조작 %2초 뒤의 두 번째 %1은(는) 무시했습니다 (두 번 눌림?). 계속하려면 다시 누르세요</translation>
    </message>
    <message>
        <source>Go to “%1” (planned %2) now?</source>
        <translation>지금 「%1」(계획 %2)(으)로 이동할까요?</translation>
    </message>
    <message>
        <source>“%1” ends now.</source>
        <translation>「%1」은(는) 지금 종료됩니다.</translation>
    </message>
    <message>
        <source>Go to a segment</source>
        <translation>순서 이동</translation>
    </message>
    <message>
        <source>Go to cancelled: the show stays where it is</source>
        <translation>이동 취소: 진행은 그대로입니다</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>되돌리기</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>다시 실행</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>되돌리기: %1</translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation>다시 실행: %1</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>되돌림: %1</translation>
    </message>
    <message>
        <source>Redone: %1</source>
        <translation>다시 실행함: %1</translation>
    </message>
    <message>
        <source>Start of the show</source>
        <translation>행사 시작</translation>
    </message>
    <message>
        <source>Next cue</source>
        <translation>다음 큐</translation>
    </message>
    <message>
        <source>Previous cue</source>
        <translation>이전 큐</translation>
    </message>
    <message>
        <source>Go to “%1”</source>
        <translation>「%1」(으)로 이동</translation>
    </message>
    <message>
        <source>Time adjustment %1</source>
        <translation>시간 조정 %1</translation>
    </message>
    <message>
        <source>Follow the plan</source>
        <translation>계획 따라가기</translation>
    </message>
    <message>
        <source>Manual control</source>
        <translation>수동 진행</translation>
    </message>
    <message>
        <source>Message “%1”</source>
        <translation>메시지 「%1」</translation>
    </message>
    <message>
        <source>Blackout on</source>
        <translation>무대 화면 끄기</translation>
    </message>
    <message>
        <source>Blackout off</source>
        <translation>무대 화면 다시 켜기</translation>
    </message>
    <message>
        <source>Plan change</source>
        <translation>계획 변경</translation>
    </message>
</context>
<context>
    <name>OperatorWindow</name>
    <message>
      <location filename="../../runshow/ui/operator.py" line="204" />
      <source>runshow — control room: %1</source>
      <translation>runshow — 진행 본부: %1</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/operator.py" line="222" />
      <source>Stage monitor</source>
      <translation>무대 모니터</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/operator.py" line="246" />
      <source>&amp;Show</source>
      <translation>진행(&amp;S)</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/operator.py" line="250" />
      <source>S&amp;tage</source>
      <translation>무대(&amp;T)</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/operator.py" line="251" />
      <source>&amp;Help</source>
      <translation>도움말(&amp;H)</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/operator.py" line="253" />
      <source>Show controls</source>
      <translation>진행 조작</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/operator.py" line="288" />
      <source>Stage view unavailable</source>
      <translation>무대 화면을 표시할 수 없습니다</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
</context>
<context>
    <name>RundownModel</name>
    <message>
      <location filename="../../runshow/ui/rundown_model.py" line="132" />
      <source>Part</source>
      <translation>부</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/rundown_model.py" line="133" />
      <source>Title</source>
      <translation>순서</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/rundown_model.py" line="134" />
      <source>Owner / presenter</source>
      <translation>담당 / 발표</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/rundown_model.py" line="135" />
      <source>Planned start</source>
      <translation>계획 시작</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/rundown_model.py" line="136" />
      <source>Planned end</source>
      <translation>계획 종료</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/rundown_model.py" line="137" />
      <source>Actual start</source>
      <translation>실제 시작</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/rundown_model.py" line="138" />
      <source>Actual end</source>
      <translation>실제 종료</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/rundown_model.py" line="139" />
      <source>Length</source>
      <translation>시간</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/rundown_model.py" line="140" />
      <source>Delta</source>
      <translation>차이</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/rundown_model.py" line="269" />
      <source>Projected from the current state</source>
      <translation>현재 진행 상황으로 예상한 시각</translation>
    </message>
</context>
<context>
    <name>FaultBar</name>
    <message>
        <source>Dismiss</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>%1 (%2 faults so far)</source>
        <translation>%1 (지금까지 장애 %2건)</translation>
    </message>
</context>
<context>
    <name>GotoConfirm</name>
    <message>
        <source>Go to it</source>
        <translation>이동</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
</TS>
