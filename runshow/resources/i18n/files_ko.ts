<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
  <context>
    <name>FilesMenu</name>
    <message>
      <location filename="../../runshow/ui/files_menu.py" line="68" />
      <location filename="../../runshow/ui/files_menu.py" line="70" />
      <source>&amp;File</source>
      <translation>파일(&amp;F)</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/files_menu.py" line="76" />
      <source>Open a schedule or a cue sheet</source>
      <translation>일정 파일 또는 큐시트 열기</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/files_menu.py" line="77" />
      <source>Schedules and cue sheets (*.toml *.xlsx *.csv *.json)</source>
      <translation>일정·큐시트 (*.toml *.xlsx *.csv *.json)</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/files_menu.py" line="99" />
      <source>The file has problems</source>
      <translation>파일에 문제가 있습니다</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/files_menu.py" line="106" />
      <source>Save the schedule as</source>
      <translation>일정 파일로 저장</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/files_menu.py" line="108" />
      <source>Schedule (*.toml)</source>
      <translation>일정 파일 (*.toml)</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/files_menu.py" line="118" />
      <source>Imported</source>
      <translation>가져왔습니다</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/files_menu.py" line="119" />
      <source>Saved %1; open it to run the show.</source>
      <translation>%1에 저장했습니다. 이 파일을 열어 행사를 진행하세요.</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/files_menu.py" line="125" />
      <source>Export the cue sheet</source>
      <translation>큐시트 내보내기</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/files_menu.py" line="127" />
      <source>Excel workbook (*.xlsx)</source>
      <translation>엑셀 통합 문서 (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/files_menu.py" line="137" />
      <source>Exported</source>
      <translation>내보냈습니다</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/files_menu.py" line="138" />
      <source>Saved %1</source>
      <translation>%1에 저장했습니다</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/files_menu.py" line="144" />
      <source>Save the report</source>
      <translation>결과 보고서 저장</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/files_menu.py" line="146" />
      <source>PDF (*.pdf)</source>
      <translation>PDF (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/files_menu.py" line="159" />
      <source>Report saved</source>
      <translation>보고서를 저장했습니다</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/files_menu.py" line="160" />
      <source>Saved %1 and its CSV</source>
      <translation>%1과 CSV를 저장했습니다</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/files_menu.py" line="165" />
      <source>&amp;Open schedule or cue sheet…</source>
      <translation>일정·큐시트 열기(&amp;O)…</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/files_menu.py" line="169" />
      <source>&amp;Export cue sheet…</source>
      <translation>큐시트 내보내기(&amp;E)…</translation>
    </message>
    <message>
      <location filename="../../runshow/ui/files_menu.py" line="170" />
      <source>&amp;Report…</source>
      <translation>결과 보고서(&amp;R)…</translation>
    </message>
    <message>
      <source>Open another schedule</source>
      <translation>다른 일정 열기</translation>
    </message>
    <message>
      <source>The show that is open now closes (its journal is kept) and %1 opens. Go on?</source>
      <translation>지금 열린 행사를 닫고(기록은 보존됩니다) %1을(를) 엽니다. 계속할까요?</translation>
    </message>
  </context>
</TS>
