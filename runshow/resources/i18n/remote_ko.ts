<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
  <context>
    <name>RemoteAction</name>
    <message>
      <source>start</source>
      <translation>시작</translation>
    </message>
    <message>
      <source>next</source>
      <translation>다음</translation>
    </message>
    <message>
      <source>previous</source>
      <translation>이전</translation>
    </message>
    <message>
      <source>pause</source>
      <translation>일시정지</translation>
    </message>
    <message>
      <source>resume</source>
      <translation>재개</translation>
    </message>
    <message>
      <source>undo</source>
      <translation>실행 취소</translation>
    </message>
    <message>
      <source>redo</source>
      <translation>다시 실행</translation>
    </message>
    <message>
      <source>follow the plan</source>
      <translation>계획 따르기</translation>
    </message>
    <message>
      <source>manual</source>
      <translation>수동</translation>
    </message>
    <message>
      <source>blackout</source>
      <translation>블랙아웃</translation>
    </message>
    <message>
      <source>clear message</source>
      <translation>메시지 지우기</translation>
    </message>
    <message>
      <source>go to segment</source>
      <translation>세그먼트로 이동</translation>
    </message>
    <message>
      <source>adjust time</source>
      <translation>시간 조정</translation>
    </message>
    <message>
      <source>message</source>
      <translation>메시지</translation>
    </message>
  </context>
  <context>
    <name>RemoteControl</name>
    <message>
      <source>Remote control is locked by the operator</source>
      <translation>운영자가 원격 제어를 잠갔습니다</translation>
    </message>
  </context>
  <context>
    <name>RemotePanel</name>
    <message>
      <source>Remote: %1 (%2)</source>
      <translation>원격: %1 (%2)</translation>
    </message>
    <message>
      <source>remote control is locked</source>
      <translation>원격 제어 잠김</translation>
    </message>
    <message>
      <source>Remote: %1 refused — %2 (%3)</source>
      <translation>원격: %1 거절 — %2 (%3)</translation>
    </message>
    <message>
      <source>Remote</source>
      <translation>원격</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>주소</translation>
    </message>
    <message>
      <source>Connected</source>
      <translation>연결</translation>
    </message>
    <message>
      <source>Serve on the LAN</source>
      <translation>LAN에 공개</translation>
    </message>
    <message>
      <source>Copy</source>
      <translation>복사</translation>
    </message>
    <message>
      <source>Regenerate</source>
      <translation>새로 만들기</translation>
    </message>
    <message>
      <source>Control token</source>
      <translation>제어 토큰</translation>
    </message>
    <message>
      <source>Lock remote control</source>
      <translation>원격 제어 잠금</translation>
    </message>
    <message>
      <source>OSC</source>
      <translation>OSC</translation>
    </message>
    <message>
      <source>OSC on the LAN (listed senders only)</source>
      <translation>LAN의 OSC (목록의 송신자만)</translation>
    </message>
    <message>
      <source>addresses, comma separated</source>
      <translation>주소, 쉼표로 구분</translation>
    </message>
    <message>
      <source>host:port, comma separated</source>
      <translation>호스트:포트, 쉼표로 구분</translation>
    </message>
    <message>
      <source>OSC senders</source>
      <translation>OSC 송신자</translation>
    </message>
    <message>
      <source>OSC feedback to</source>
      <translation>OSC 피드백 대상</translation>
    </message>
    <message>
      <source>Send automations in rehearsal</source>
      <translation>리허설에서도 자동화 보내기</translation>
    </message>
    <message>
      <source>Automations</source>
      <translation>자동화</translation>
    </message>
    <message>
      <source>%1 page(s)</source>
      <translation>%1개 페이지</translation>
    </message>
    <message>
      <source>sent</source>
      <translation>보냄</translation>
    </message>
    <message>
      <source>failed</source>
      <translation>실패</translation>
    </message>
    <message>
      <source>not sent (rehearsal)</source>
      <translation>보내지 않음 (리허설)</translation>
    </message>
    <message>
      <source>Token copied.</source>
      <translation>토큰을 복사했습니다.</translation>
    </message>
    <message>
      <source>New token: give it to every remote control again.</source>
      <translation>새 토큰: 모든 원격 제어 장치에 다시 알려 주세요.</translation>
    </message>
    <message>
      <source>Cannot listen on the LAN: %1</source>
      <translation>LAN에서 열 수 없습니다: %1</translation>
    </message>
    <message>
      <source>OSC cannot listen on port %1.</source>
      <translation>OSC가 포트 %1에서 열 수 없습니다.</translation>
    </message>
    <message>
      <source>OSC cannot listen on the LAN.</source>
      <translation>OSC가 LAN에서 열 수 없습니다.</translation>
    </message>
    <message>
      <source>Not host:port, ignored: %1</source>
      <translation>호스트:포트가 아니어서 무시함: %1</translation>
    </message>
  </context>
</TS>