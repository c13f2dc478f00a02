<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
  <context>
    <name>WebView</name>
    <message>
      <source>Connection lost — reconnecting…</source>
      <translation>연결 끊김 — 다시 연결하는 중…</translation>
    </message>
    <message>
      <source>Connecting…</source>
      <translation>연결하는 중…</translation>
    </message>
    <message>
      <source>stand by %1</source>
      <translation>%1 대기</translation>
    </message>
    <message>
      <source>On now</source>
      <translation>지금 진행</translation>
    </message>
    <message>
      <source>Up next</source>
      <translation>다음 순서</translation>
    </message>
    <message>
      <source>Backstage</source>
      <translation>무대 뒤</translation>
    </message>
    <message>
      <source>Rundown</source>
      <translation>큐시트</translation>
    </message>
    <message>
      <source>Part</source>
      <translation>부</translation>
    </message>
    <message>
      <source>Segment</source>
      <translation>순서</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>담당</translation>
    </message>
    <message>
      <source>Planned</source>
      <translation>계획</translation>
    </message>
    <message>
      <source>Actual / projected</source>
      <translation>실제 / 예상</translation>
    </message>
    <message>
      <source>Length</source>
      <translation>길이</translation>
    </message>
    <message>
      <source>Δ</source>
      <translation>차이</translation>
    </message>
    <message>
      <source>Projected end %1 (planned %2)</source>
      <translation>예상 종료 %1 (계획 %2)</translation>
    </message>
    <message>
      <source>Rehearsal</source>
      <translation>리허설</translation>
    </message>
    <message>
      <source>Before the show</source>
      <translation>행사 전</translation>
    </message>
    <message>
      <source>On air</source>
      <translation>진행 중</translation>
    </message>
    <message>
      <source>The show starts in</source>
      <translation>행사 시작까지</translation>
    </message>
    <message>
      <source>Next, in</source>
      <translation>다음 순서까지</translation>
    </message>
    <message>
      <source>at about %1</source>
      <translation>약 %1 시작</translation>
    </message>
    <message>
      <source>Drift</source>
      <translation>진행 편차</translation>
    </message>
    <message>
      <source>Views</source>
      <translation>화면 목록</translation>
    </message>
    <message>
      <source>Stage</source>
      <translation>무대</translation>
    </message>
    <message>
      <source>The MC's monitor: what the stage window shows</source>
      <translation>사회자 모니터: 무대 화면과 같은 내용</translation>
    </message>
    <message>
      <source>Speaker order of the current and next segments, with stand-by times</source>
      <translation>현재·다음 순서의 발표 순서와 대기 시각</translation>
    </message>
    <message>
      <source>Lobby</source>
      <translation>로비</translation>
    </message>
    <message>
      <source>Public countdown to the next segment or the show</source>
      <translation>다음 순서 또는 행사 시작까지 공개 카운트다운</translation>
    </message>
    <message>
      <source>Overlay</source>
      <translation>오버레이</translation>
    </message>
    <message>
      <source>Transparent lower third for an OBS browser source</source>
      <translation>OBS 브라우저 소스용 투명 하단 자막</translation>
    </message>
    <message>
      <source>Clock</source>
      <translation>시계</translation>
    </message>
    <message>
      <source>Time of day, on-air state and drift</source>
      <translation>현재 시각, 진행 상태, 진행 편차</translation>
    </message>
    <message>
      <source>Read-only cue sheet: planned against actual</source>
      <translation>읽기 전용 큐시트: 계획 대 실제</translation>
    </message>
    <message>
      <source>State as JSON</source>
      <translation>상태 JSON</translation>
    </message>
    <message>
      <source>English</source>
      <translation>English</translation>
    </message>
    <message>
      <source>한국어</source>
      <translation>한국어</translation>
    </message>
    <message>
      <source>View code</source>
      <translation>화면 코드</translation>
    </message>
    <message>
      <source>This view needs the view code the operator set.</source>
      <translation>운영자가 정한 화면 코드가 필요합니다.</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>열기</translation>
    </message>
    <message>
      <source>Rundown: all rooms</source>
      <translation>큐시트: 모든 룸</translation>
    </message>
    <message>
      <source>Every room of the schedule, planned times</source>
      <translation>일정의 모든 룸, 계획 시각</translation>
    </message>
    <message>
      <source>All rooms</source>
      <translation>전체</translation>
    </message>
    <message>
      <source>Room</source>
      <translation>룸</translation>
    </message>
    <message>
      <source>Running here: %1</source>
      <translation>이 앱이 진행하는 룸: %1</translation>
    </message>
  </context>
</TS>
