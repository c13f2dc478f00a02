<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>EngineReason</name>
    <message>
        <location filename="../../runshow/ui/reasons.py" line="17"/>
        <source>action is older than the last one applied</source>
        <translation>마지막으로 적용된 조작보다 이전 시각의 조작입니다</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/reasons.py" line="20"/>
        <source>empty message</source>
        <translation>메시지가 비어 있습니다</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/reasons.py" line="21"/>
        <source>already in manual mode</source>
        <translation>이미 수동 모드입니다</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/reasons.py" line="22"/>
        <source>already in follow mode</source>
        <translation>이미 계획 따라가기 모드입니다</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/reasons.py" line="23"/>
        <source>the show has already started</source>
        <translation>행사가 이미 시작되었습니다</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/reasons.py" line="24"/>
        <source>the show has not started; use start</source>
        <translation>행사가 아직 시작되지 않았습니다. 시작을 누르세요</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/reasons.py" line="27"/>
        <source>the show has ended</source>
        <translation>행사가 끝났습니다</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/reasons.py" line="28"/>
        <source>the show has not started</source>
        <translation>행사가 아직 시작되지 않았습니다</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/reasons.py" line="29"/>
        <source>already at the first cue</source>
        <translation>이미 첫 순서입니다</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/reasons.py" line="30"/>
        <source>nothing is running</source>
        <translation>진행 중인 순서가 없습니다</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/reasons.py" line="31"/>
        <source>the show is not paused</source>
        <translation>일시정지 상태가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/reasons.py" line="32"/>
        <source>no cue is on to adjust</source>
        <translation>조정할 진행 중 순서가 없습니다</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/reasons.py" line="33"/>
        <source>cannot take away more than the cue&apos;s whole length</source>
        <translation>순서의 전체 시간보다 더 줄일 수 없습니다</translation>
    </message>
</context>
<context>
    <name>HeaderStrip</name>
    <message>
        <location filename="../../runshow/ui/operator.py" line="110"/>
        <source>Now</source>
        <translation>현재 시각</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/operator.py" line="111"/>
        <source>On now</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/operator.py" line="112"/>
        <source>Remaining</source>
        <translation>남은 시간</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/operator.py" line="113"/>
        <source>Drift</source>
        <translation>지연/단축</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/operator.py" line="114"/>
        <source>Projected end</source>
        <translation>예상 종료</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/operator.py" line="115"/>
        <source>Mode</source>
        <translation>모드</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/operator.py" line="140"/>
        <source>%1 (paused)</source>
        <translation>%1 (일시정지)</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/operator.py" line="142"/>
        <source>Before the show</source>
        <translation>행사 시작 전</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/operator.py" line="144"/>
        <source>The show has ended</source>
        <translation>행사 종료</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/operator.py" line="162"/>
        <source>%1 (planned %2)</source>
        <translation>%1 (계획 %2)</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/operator.py" line="167"/>
        <source>Follow the plan</source>
        <translation>계획 따라가기</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/operator.py" line="167"/>
        <source>Manual</source>
        <translation>수동</translation>
    </message>
</context>
<context>
    <name>HelpOverlay</name>
    <message>
        <location filename="../../runshow/ui/help_overlay.py" line="46"/>
        <source>Keyboard shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/help_overlay.py" line="71"/>
        <source>Press any key to close</source>
        <translation>아무 키나 누르면 닫힙니다</translation>
    </message>
</context>
<context>
    <name>MessageDialog</name>
    <message>
        <location filename="../../runshow/ui/message_dialog.py" line="25"/>
        <source>Please wrap up</source>
        <translation>마무리 부탁드립니다</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/message_dialog.py" line="26"/>
        <source>One minute left</source>
        <translation>1분 남았습니다</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/message_dialog.py" line="27"/>
        <source>Five minutes left</source>
        <translation>5분 남았습니다</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/message_dialog.py" line="28"/>
        <source>Please speak closer to the microphone</source>
        <translation>마이크에 가까이 말씀해 주세요</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/message_dialog.py" line="29"/>
        <source>Time is up</source>
        <translation>시간이 다 되었습니다</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/message_dialog.py" line="30"/>
        <source>Next speaker, please stand by</source>
        <translation>다음 발표자 대기 부탁드립니다</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/message_dialog.py" line="39"/>
        <source>Message to the stage</source>
        <translation>무대로 메시지 보내기</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/message_dialog.py" line="41"/>
        <source>Text shown on the stage monitor:</source>
        <translation>무대 모니터에 표시할 문구:</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/message_dialog.py" line="43"/>
        <source>Type a message, or pick a preset below</source>
        <translation>메시지를 입력하거나 아래 문구를 고르세요</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/message_dialog.py" line="56"/>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/message_dialog.py" line="57"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>OperatorCommands</name>
    <message>
        <location filename="../../runshow/ui/commands.py" line="63"/>
        <location filename="../../runshow/ui/commands.py" line="183"/>
        <source>Next</source>
        <translation>다음</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/commands.py" line="64"/>
        <source>Previous</source>
        <translation>이전</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/commands.py" line="66"/>
        <source>Go to selected segment</source>
        <translation>선택한 순서로 이동</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/commands.py" line="68"/>
        <location filename="../../runshow/ui/commands.py" line="186"/>
        <source>Pause</source>
        <translation>일시정지</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/commands.py" line="70"/>
        <source>Add one minute</source>
        <translation>1분 추가</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/commands.py" line="75"/>
        <source>Take one minute away</source>
        <translation>1분 줄이기</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/commands.py" line="79"/>
        <source>Follow the plan (auto)</source>
        <translation>계획 따라가기 (자동)</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/commands.py" line="81"/>
        <source>Message to the stage…</source>
        <translation>무대 메시지…</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/commands.py" line="83"/>
        <source>Clear message</source>
        <translation>메시지 지우기</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/commands.py" line="85"/>
        <source>Blackout stage</source>
        <translation>무대 화면 끄기</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/commands.py" line="88"/>
        <source>Stage full screen</source>
        <translation>무대 화면 전체 화면</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/commands.py" line="91"/>
        <source>Keyboard shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/commands.py" line="154"/>
        <source>Select a segment in the rundown first</source>
        <translation>먼저 진행표에서 순서를 선택하세요</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/commands.py" line="176"/>
        <source>Not done: %1</source>
        <translation>실행 안 됨: %1</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/commands.py" line="183"/>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/commands.py" line="186"/>
        <source>Resume</source>
        <translation>재개</translation>
    </message>
</context>
<context>
    <name>OperatorWindow</name>
    <message>
        <location filename="../../runshow/ui/operator.py" line="204"/>
        <source>runshow — control room: %1</source>
        <translation>runshow — 진행 본부: %1</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/operator.py" line="222"/>
        <source>Stage monitor</source>
        <translation>무대 모니터</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/operator.py" line="246"/>
        <source>&amp;Show</source>
        <translation>진행(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/operator.py" line="250"/>
        <source>S&amp;tage</source>
        <translation>무대(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/operator.py" line="251"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/operator.py" line="253"/>
        <source>Show controls</source>
        <translation>진행 조작</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/operator.py" line="288"/>
        <source>Stage view unavailable</source>
        <translation>무대 화면을 표시할 수 없습니다</translation>
    </message>
</context>
<context>
    <name>RundownModel</name>
    <message>
        <location filename="../../runshow/ui/rundown_model.py" line="132"/>
        <source>Part</source>
        <translation>부</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/rundown_model.py" line="133"/>
        <source>Title</source>
        <translation>순서</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/rundown_model.py" line="134"/>
        <source>Owner / presenter</source>
        <translation>담당 / 발표</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/rundown_model.py" line="135"/>
        <source>Planned start</source>
        <translation>계획 시작</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/rundown_model.py" line="136"/>
        <source>Planned end</source>
        <translation>계획 종료</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/rundown_model.py" line="137"/>
        <source>Actual start</source>
        <translation>실제 시작</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/rundown_model.py" line="138"/>
        <source>Actual end</source>
        <translation>실제 종료</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/rundown_model.py" line="139"/>
        <source>Length</source>
        <translation>시간</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/rundown_model.py" line="140"/>
        <source>Delta</source>
        <translation>차이</translation>
    </message>
    <message>
        <location filename="../../runshow/ui/rundown_model.py" line="269"/>
        <source>Projected from the current state</source>
        <translation>현재 진행 상황으로 예상한 시각</translation>
    </message>
</context>
</TS>
