"""Every interface string, once, in Korean and English side by side.

The explorer, the command line and the exports read their words from this one table, so the
language switch (`l`, `--lang`) changes all of them at once and nothing is left in the other
language. Data (names, quotes, summaries) never comes from here: it comes from the fact file.

A message is a `str.format` template: `msg("n_of_total", lang, n=5, total=7)`. Keep the
placeholders the same in both languages (a test checks). No Rich or Textual here.

Keys are grouped in commented sections, one per area. Some families are looked up by name:
`cmd.*` and `group.*` (the commands of tui/ui/keymap.py), `kind.*` and `section.*` (the six kinds),
`subkind.*` (the `kind` values a file gives), `field.*` (field labels), `role.*` and
`incoming.*` (a link, and a backlink as the shown entity reads it), `what.*` (timeline items).
"""

from __future__ import annotations

from collections.abc import Callable

from tui.facts.model import Language

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (Korean, English)
    # -- counts and totals ------------------------------------------------------------------------
    "entities": ("{n:,}개 항목", "{n:,} entities"),
    "n_of_total": ("{total:,}개 중 {n:,}개", "{n:,} of {total:,}"),
    # -- commands and their groups (H3): keymap.py names these keys ----------------------------------
    "cmd.leave": (
        "상세 창이나 필터에서 나가기, 아니면 뒤로",
        "Out of the detail pane or the filter, else back",
    ),
    "cmd.back": ("뒤로", "Back"),
    "cmd.forward": ("앞으로", "Forward"),
    "cmd.filter": ("거르기", "Filter"),
    "cmd.next_hit": ("다음 결과", "Next hit"),
    "cmd.previous_hit": ("이전 결과", "Previous hit"),
    "cmd.dismiss_problems": ("문제 숨기기", "Hide problems"),
    "cmd.help": ("도움말", "Help"),
    "cmd.search": ("검색", "Search"),
    "cmd.timeline": ("연표", "Timeline"),
    "cmd.relations": ("관계", "Relationships"),
    "cmd.copy_markdown": ("마크다운으로 복사", "Copy as Markdown"),
    "cmd.copy_id": ("식별자 복사", "Copy id"),
    "cmd.export": ("내보내기…", "Export…"),
    "cmd.toggle_language": ("언어 (한국어/영어)", "Language (Korean/English)"),
    "cmd.toggle_language.short": ("언어", "Lang"),
    "cmd.reload": ("파일 다시 읽기", "Reload file"),
    "cmd.quit": ("종료", "Quit"),
    "cmd.up": ("위로", "Up"),
    "cmd.down": ("아래로", "Down"),
    "cmd.first": ("처음으로", "First"),
    "cmd.last": ("끝으로", "Last"),
    "cmd.page_up": ("한 쪽 위로", "Page up"),
    "cmd.page_down": ("한 쪽 아래로", "Page down"),
    "cmd.open": ("열기", "Open"),
    "cmd.previous_section": ("이전 구역", "Previous section"),
    "cmd.next_section": ("다음 구역", "Next section"),
    "cmd.first_hit": ("첫 결과로 가기", "Go to first hit"),
    "cmd.clear_filter": ("거르기 지우기", "Clear filter"),
    "cmd.next_result": ("다음 결과", "Next result"),
    "cmd.previous_result": ("이전 결과", "Previous result"),
    "cmd.close_search": ("검색 닫기", "Close search"),
    "cmd.back_to_explorer": ("탐색 화면으로 돌아가기", "Back to the explorer"),
    "cmd.back_to_explorer.short": ("돌아가기", "Back"),
    "cmd.close_help": ("도움말 닫기", "Close help"),
    "cmd.previous_link": (
        "이전 연결 (첫 연결 위에서는 위로 스크롤)",
        "Previous link (above the first: scroll up)",
    ),
    "cmd.next_link": ("다음 연결", "Next link"),
    "cmd.follow": ("연결 따라가기", "Follow link"),
    "cmd.scroll_page_up": ("한 쪽 위로 스크롤", "Scroll up a page"),
    "cmd.scroll_page_down": ("한 쪽 아래로 스크롤", "Scroll down a page"),
    "cmd.scroll_top": ("맨 위로 스크롤", "Scroll to the top"),
    "cmd.scroll_end": ("맨 끝으로 스크롤", "Scroll to the end"),
    "cmd.scroll_up": ("위로 스크롤", "Scroll up"),
    "cmd.scroll_down": ("아래로 스크롤", "Scroll down"),
    "cmd.next_pane": ("다음 창", "Next pane"),
    "cmd.previous_pane": ("이전 창", "Previous pane"),
    "cmd.palette": (
        "명령 팔레트: 항목, 구역, 테마로 바로 가기",
        "Command palette: jump to any entity, section or theme",
    ),
    "group.everywhere": (
        "탐색 화면과 보기(연표·관계·출처)에서",
        "In the explorer and its views (timeline, relationships, sources)",
    ),
    "group.explorer": ("탐색 화면에서", "In the explorer"),
    "group.section_bar": ("구역 막대에서", "In the section bar"),
    "group.list": ("목록에서", "In a list"),
    "group.detail": ("상세 창에서", "In the detail pane"),
    "group.filter": ("거르기 막대에서 (/)", "In the filter bar (/)"),
    "group.search": ("검색 화면에서 (s)", "In the search screen (s)"),
    "group.views": ("연표 (t)와 관계 (R)에서", "In the timeline (t) and relationships (R)"),
    "group.help": ("이 도움말에서", "In this help"),
    # -- kinds of entity (H3) ---------------------------------------------------------------------
    "kind.organization": ("기관", "Organization"),
    "kind.agreement": ("협약", "Agreement"),
    "kind.project": ("사업", "Project"),
    "kind.person": ("인물", "Person"),
    "kind.event": ("사건", "Event"),
    "kind.source": ("출처", "Source"),
    "section.organization": ("기관", "Organizations"),
    "section.agreement": ("협약", "Agreements"),
    "section.project": ("사업", "Projects"),
    "section.person": ("인물", "People"),
    "section.event": ("사건", "Events"),
    "section.source": ("출처", "Sources"),
    # The `kind` values a file gives an organization, agreement, project or event.
    "subkind.city-government": ("시 정부", "city government"),
    "subkind.government": ("정부", "government"),
    "subkind.public-agency": ("공공기관", "public agency"),
    "subkind.company": ("기업", "company"),
    "subkind.research-institute": ("연구기관", "research institute"),
    "subkind.university": ("대학", "university"),
    "subkind.media": ("언론", "media"),
    "subkind.association": ("협회", "association"),
    "subkind.mou": ("업무 협약", "MOU"),
    "subkind.contract": ("계약", "contract"),
    "subkind.investment": ("투자", "investment"),
    "subkind.partnership": ("제휴", "partnership"),
    "subkind.program": ("프로그램", "program"),
    "subkind.plan": ("계획", "plan"),
    "subkind.facility": ("시설", "facility"),
    "subkind.product": ("제품", "product"),
    "subkind.cluster": ("클러스터", "cluster"),
    "subkind.meeting": ("회의", "meeting"),
    "subkind.signing": ("서명식", "signing"),
    "subkind.lecture": ("강연", "lecture"),
    "subkind.forum": ("포럼", "forum"),
    "subkind.declaration": ("선언", "declaration"),
    "subkind.quote": ("발언", "quote"),
    "subkind.announcement": ("발표", "announcement"),
    "subkind.other": ("기타", "other"),
    "kind_with_subkind": ("{kind} ({subkind})", "{kind} ({subkind})"),
    # -- fields of an entity (H3): the detail pane, `show`, search hits -----------------------------
    "field.id": ("식별자", "id"),
    "field.kind": ("종류", "kind"),
    "field.name": ("이름", "name"),
    "field.aliases": ("별칭", "aliases"),
    "field.outlet": ("매체", "outlet"),
    "field.title": ("제목", "title"),
    "field.author": ("기자", "author"),
    "field.published": ("보도", "published"),
    "field.language": ("언어", "language"),
    "field.url": ("주소", "url"),
    "field.paragraphs": ("문단 수", "paragraphs"),
    "field.location": ("위치", "location"),
    "field.founded": ("설립", "founded"),
    "field.valuation": ("기업 가치", "valuation"),
    "field.parent": ("모기관", "parent"),
    "field.roles": ("직책", "roles"),
    "field.date": ("날짜", "date"),
    "field.place": ("장소", "place"),
    "field.parties": ("당사자", "parties"),
    "field.signatories": ("서명자", "signatories"),
    "field.commitments": ("약속", "commitments"),
    "field.projects": ("사업", "projects"),
    "field.owner": ("주관", "owner"),
    "field.budget": ("예산", "budget"),
    "field.period": ("기간", "period"),
    "field.area": ("면적", "area"),
    "field.vision": ("비전", "vision"),
    "field.goals": ("목표", "goals"),
    "field.participants": ("참여자", "participants"),
    "field.quote": ("발언", "quote"),
    "field.summary": ("요약", "summary"),
    "field.tags": ("태그", "tags"),
    "field.amount": ("금액", "amount"),
    "field.text": ("내용", "text"),
    "valuation_as_of": ("{money}, {year}년 기준", "{money}, as of {year}"),
    "investment_due": (", {date}까지", ", by {date}"),
    "value_cut": (
        "… (이하 {n:,}자 생략: facts-tui show {id})",
        "… ({n:,} more characters: facts-tui show {id})",
    ),
    "paragraph_headline": ("제목·사진 설명", "headline/caption"),
    "paragraph_n": ("{n}번째 문단", "paragraph {n}"),
    # -- the detail pane and `show` (H3) ------------------------------------------------------------
    "heading.links": ("연결", "Links"),
    "heading.mentioned_in": ("이 항목을 언급한 곳", "Mentioned in"),
    "heading.provenance": ("근거", "Provenance"),
    "detail.nothing": ("여기에는 아무것도 없습니다.", "Nothing here."),
    "detail.cannot_show": ("{id} 항목을 보여 줄 수 없습니다: {error}", "Could not show {id}: {error}"),
    "detail.n_more": ("… 외 {n:,}개", "… and {n:,} more"),
    "trail": ("지나온 길: ", "Trail: "),
    "row_cannot_show": ("⚠ {n}번째 줄을 보여 줄 수 없습니다: {error}", "⚠ cannot show row {n}: {error}"),
    # What a linked entity is to the one shown ("party: 대구시" on an agreement).
    "role.party": ("당사자", "party"),
    "role.signatory": ("서명자", "signatory"),
    "role.commitment": ("약속한 곳", "commits"),
    "role.investor": ("투자자", "investor"),
    "role.project": ("사업", "project"),
    "role.owner": ("주관", "owner"),
    "role.organization": ("참여 기관", "organization"),
    "role.agreement": ("근거 협약", "agreement"),
    "role.founder": ("설립자", "founder"),
    "role.parent": ("모기관", "parent"),
    "role.role": ("소속", "role at"),
    "role.participant": ("참여자", "participant"),
    "role.speaker": ("발언자", "speaker"),
    "role.related": ("관련", "related"),
    "role.source": ("출처", "source"),
    # A backlink, read from the shown entity's side: what the entity that names it is to it
    # (on an agreement, "project under it: 뇌 디지털병원"; on 대구시, "person with a role: 이종화").
    "incoming.party": ("당사자로 참여한 협약", "agreement it is party to"),
    "incoming.signatory": ("서명한 협약", "agreement signed"),
    "incoming.commitment": ("약속을 담은 협약", "agreement with its commitment"),
    "incoming.investor": ("투자를 약속한 협약", "agreement it invests under"),
    "incoming.project": ("이 사업의 근거 협약", "agreement behind it"),
    "incoming.owner": ("주관하는 사업", "project it runs"),
    "incoming.organization": ("참여하는 사업", "project it takes part in"),
    "incoming.agreement": ("이 협약의 사업", "project under it"),
    "incoming.founder": ("설립한 기관", "organization founded"),
    "incoming.parent": ("산하 기관", "subsidiary"),
    "incoming.role": ("소속 인물", "person with a role"),
    "incoming.participant": ("참여한 사건", "event taken part in"),
    "incoming.speaker": ("발언한 사건", "event quoted in"),
    "incoming.related": ("관련 사건", "related event"),
    "incoming.source": ("이 출처를 인용한 항목", "drawn from it"),
    # -- relationships (H3) -------------------------------------------------------------------------
    "relations.title": ("관계", "Relationships"),
    "relations.hint": (
        "  {depth}단계 · Enter 열기 · Esc 돌아가기",
        "  {depth} hops · Enter opens · Esc returns",
    ),
    "relations.repeated": ("(이 트리의 다른 곳에도 있음)", "(also elsewhere in this tree)"),
    "relations.more": ("… 외 {n}개", "… {n} more"),
    # -- timeline (H3) ------------------------------------------------------------------------------
    "timeline.title": ("연표", "Timeline"),
    "timeline.hint": ("  Enter 열기 · Esc 돌아가기", "  Enter opens · Esc returns"),
    "timeline.undated": ("날짜 없음 (출처에 날짜가 없음)", "undated (the source gives no date)"),
    "timeline.nothing_dated": ("(날짜가 있는 항목 없음)", "(nothing dated)"),
    "timeline.date": ("날짜", "date"),
    "timeline.entity": ("항목", "entity"),
    "timeline.what": ("내용", "what"),
    "what.published": ("보도", "published"),
    "what.signed": ("체결", "signed"),
    "what.event": ("사건", "event"),
    "what.deadline": ("기한", "deadline"),
    "what.period": ("기간", "period"),
    # -- the explorer's frame: title, toasts, palette, problems (H3) ------------------------------------
    "key_bar.palette": ("팔레트", "Palette"),
    "palette.placeholder": ("명령, 구역, 항목 찾기…", "Search for commands…"),
    "palette.key": ("키: {keys}", "Key: {keys}"),
    "palette.section": ("구역: {section}", "Section: {section}"),
    "palette.section_help": ("{section} 구역 보기", "Show the {section} section"),
    "palette.theme": ("테마", "Theme"),
    "palette.themes_placeholder": ("테마 찾기…", "Search for themes…"),
    "palette.theme_help": ("화면 테마 바꾸기", "Change the current theme"),
    "palette.quit_help": ("바로 종료", "Quit the application as soon as possible"),
    "palette.keys": ("키 목록", "Keys"),
    "palette.keys_show_help": (
        "포커스 위젯의 도움말과 키 요약 보기",
        "Show help for the focused widget and a summary of available keys",
    ),
    "palette.keys_hide_help": ("키와 위젯 도움말 패널 숨기기", "Hide the keys and widget help panel"),
    "palette.maximize": ("최대화", "Maximize"),
    "palette.maximize_help": ("포커스 위젯을 최대화", "Maximize the focused widget"),
    "palette.minimize": ("원래 크기", "Minimize"),
    "palette.minimize_help": ("위젯을 원래 크기로", "Minimize the widget and restore to normal size"),
    "palette.screenshot": ("화면 저장", "Screenshot"),
    "palette.screenshot_help": (
        "지금 화면을 SVG 파일로 저장",
        "Save an SVG 'screenshot' of the current screen",
    ),
    "toast.indexing": ("검색용 색인 만드는 중: {n:,}개 항목…", "Indexing {n:,} entities for search…"),
    "toast.nothing_selected": ("선택한 항목이 없습니다.", "Nothing selected."),
    "toast.copied_markdown": ("{id} 항목을 마크다운으로 복사했습니다.", "Copied {id} as Markdown."),
    "toast.copied_id": ("식별자 {id}를 복사했습니다.", "Copied id {id}."),
    "toast.exported": ("내보냈습니다: {paths}", "Exported to {paths}"),
    "toast.file_missing": ("파일 없음", "File missing"),
    "toast.file_gone": (
        "{path} 파일이 없습니다. 다시 생길 때까지 마지막으로 읽은 내용을 보여 줍니다.",
        "{path} is gone; showing the last good data until it comes back.",
    ),
    "toast.search_failed": ("검색을 쓸 수 없음", "Search is unavailable"),
    "toast.reload_failed": ("다시 읽기 실패", "Reloading failed"),
    "toast.no_search_yet": (
        "아직 검색하지 않았습니다: /는 이 구역을 거르고, s는 전체를 검색합니다.",
        "No search yet: / filters this section, s searches everything.",
    ),
    "toast.hit_n_of_total": ("결과 {total}개 중 {n}번째", "Hit {n} of {total}"),
    "problems.title": (
        "{path} 파일에 문제 {n}개: 마지막으로 읽은 내용을 보여 줍니다. 고쳐서 저장하면 다시 읽습니다 (x: 숨기기).",
        "{path} has {n} problem(s); showing the last good data. Fix and save to reload (x hides this).",
    ),
    "filter.placeholder": ("이 구역 거르기…", "filter this section…"),
    "filter.indexing": ("색인 중…", "indexing…"),
    "filter.unavailable": ("검색 불가", "search unavailable"),
    # -- help screen (H3) -----------------------------------------------------------------------------
    "help.title": ("facts-tui — 키", "facts-tui — keys"),
    "help.mouse": (
        "마우스도 됩니다: 구역, 줄, 연결을 누르고 휠로 스크롤하세요.",
        "The mouse works too: click a section, a row or a link; scroll with the wheel.",
    ),
    # -- search screen (H3) ---------------------------------------------------------------------------
    "search.placeholder": (
        "이름, 장소, 금액 (760억), 날짜 (2023-03), ㄷㄱ 검색…",
        "Search names, places, amounts (760억), dates (2023-03), ㄷㄱ …",
    ),
    "search.type_to_search": ("입력하면 모든 구역에서 찾습니다.", "Type to search every section."),
    "search.n_matches": ("{total:,}개 찾음", "{total:,} matches"),
    "search.one_match": ("1개 찾음", "1 match"),
    "search.n_matches_best": (
        "{total:,}개 찾음, 상위 {shown:,}개 표시",
        "{total:,} matches, showing the best {shown:,}",
    ),
    # -- export dialog (H3) ---------------------------------------------------------------------------
    "export.title": ("파일로 내보내기", "Export to a file"),
    "export.formats": (
        ".json (전체 파일, 다시 읽을 수 있음) · .md (브리핑) · .csv (이 구역) · 확장자 없는 폴더 이름 (종류마다 CSV 하나)",
        ".json (whole file, loads back) · .md (a briefing) · .csv (this section) · "
        "a folder name without extension (one CSV per kind)",
    ),
    "export.prompt": ("Enter: 파일 쓰기 · Esc: 취소", "Enter writes the file; Esc cancels."),
    "export.bad_path": (
        ".json, .md, .csv로 끝나는 경로나 폴더 이름을 주세요.",
        "Give a path ending in .json, .md or .csv, or a folder name.",
    ),
    "export.exists": (
        "{path} 파일이 있습니다. 덮어쓰려면 Enter를 한 번 더, 아니면 경로를 바꾸세요.",
        "{path} exists. Press Enter again to overwrite it, or change the path.",
    ),
    "export.cannot_write": ("{path}에 쓸 수 없습니다: {error}", "Could not write {path}: {error}"),
    "export.cancel": ("취소", "Cancel"),
    # -- command line (H3) ----------------------------------------------------------------------------
    "cli.valid": ("{path}: 문제 없음", "{path}: valid"),
    "cli.kind": ("종류", "kind"),
    "cli.count": ("개수", "count"),
    "cli.total": ("합계", "total"),
    "cli.details": ("내용", "details"),
    "cli.field": ("필드", "field"),
    "cli.match": ("일치", "match"),
    "cli.n_matches_for": ("'{query}' 검색 결과 {shown}", "{shown} matches for '{query}'"),
    "cli.n": ("{n}개", "{n}"),
    "cli.one_match_for": ("'{query}' 검색 결과 1개", "1 match for '{query}'"),
    "cli.n_of_total": ("{total}개 중 {n}개", "{n} of {total}"),
    "cli.no_matches_for": ("'{query}'에 맞는 항목이 없습니다", "no matches for '{query}'"),
    "cli.unknown_kind": (
        "알 수 없는 종류 '{word}'.{hint} 종류: {kinds}",
        "unknown kind '{word}'.{hint} Kinds: {kinds}",
    ),
    "cli.did_you_mean_kind": (" '{kind}'을(를) 말씀하셨나요?", " Did you mean '{kind}'?"),
    "cli.unknown_id": (
        "{path}에 식별자가 '{id}'인 항목이 없습니다.{hint}",
        "no entity with id '{id}' in {path}.{hint}",
    ),
    "cli.did_you_mean_ids": (" 비슷한 식별자: {ids}", " Did you mean: {ids}?"),
    "cli.wrote": ("썼습니다: {path}", "wrote {path}"),
    "cli.refusing_overwrite": (
        "덮어쓰지 않습니다: {error}; 바꾸려면 --force를 주세요",
        "refusing to overwrite: {error}; pass --force to replace",
    ),
    "cli.cannot_write": ("{path}에 쓸 수 없습니다: {error}", "cannot write {path}: {error}"),
    # -- fields of the field table (H8): `field.<TOML key>` for the keys not labelled above -----------
    "field.founders": ("설립자", "founders"),
    "field.investments": ("투자", "investments"),
    "field.figures": ("수치", "figures"),
    "field.organizations": ("참여 기관", "organizations"),
    "field.agreements": ("협약", "agreements"),
    "field.related": ("관련", "related"),
    "field.provenance": ("근거", "provenance"),
    "field.date_precision": ("날짜 정밀도", "date precision"),
    "field.date_note": ("날짜 메모", "date note"),
    "field.published_time": ("보도 시각", "published time"),
    # -- the section bar when narrow (H2): a short name per section -------------------------------
    "section_short.organization": ("기관", "Orgs"),
    "section_short.agreement": ("협약", "Agmts"),
    "section_short.project": ("사업", "Projs"),
    "section_short.person": ("인물", "People"),
    "section_short.event": ("사건", "Events"),
    "section_short.source": ("출처", "Srcs"),
    # -- loading a big file (H6) --------------------------------------------------------------------
    "loading.file": ("{name} 불러오는 중…", "Loading {name}…"),
    "loading.entities": ("{name} 불러오는 중… {n:,}개 항목", "Loading {name}… {n:,} entities"),
    "loading.checking": ("{name} 확인 중… {n:,}개 항목", "Checking {name}… {n:,} entities"),
    "loading.sub_title": ("{name} · 불러오는 중", "{name} · loading"),
    # -- serve, check (H5) -------------------------------------------------------------------------
    "serve.unknown_host": (
        "{where}에서 서비스할 수 없습니다: 호스트 '{host}'을(를) 찾을 수 없습니다 ({error}). "
        "--host에 이 컴퓨터의 주소(예: 127.0.0.1)를 주세요",
        "cannot serve on {where}: no host '{host}' ({error}); give --host an address of this "
        "machine, such as 127.0.0.1",
    ),
    "serve.port_in_use": (
        "{where}에서 서비스할 수 없습니다: 포트 {port}을(를) 이미 쓰고 있습니다. "
        "그 프로그램을 멈추거나 --port로 다른 포트를 주세요",
        "cannot serve on {where}: port {port} is in use; stop what uses it or pass another --port",
    ),
    "serve.port_needs_privileges": (
        "{where}에서 서비스할 수 없습니다: 권한이 없습니다 ({error}). 1024 이상의 포트를 --port로 주세요",
        "cannot serve on {where}: {error} (ports below 1024 need privileges); pass a --port of 1024 or above",
    ),
    "serve.not_this_machine": (
        "{where}에서 서비스할 수 없습니다: {host}은(는) 이 컴퓨터의 주소가 아닙니다 ({error}). "
        "--host에 이 컴퓨터의 주소(예: 127.0.0.1)를 주세요",
        "cannot serve on {where}: {host} is not an address of this machine ({error}); give --host "
        "an address of this machine, such as 127.0.0.1",
    ),
    "serve.cannot_listen": (
        "{where}에서 서비스할 수 없습니다: {error}. --host와 --port를 확인하세요",
        "cannot serve on {where}: {error}; check --host and --port",
    ),
    # -- keys and routing (H4) ----------------------------------------------------------------------
    "search_indexing": ("검색 색인을 만드는 중…", "Building the search index…"),
    "search_unavailable": ("검색을 쓸 수 없습니다.", "Search is unavailable."),
    "search_no_matches": ("“{query}”에 맞는 항목이 없습니다.", "No matches for “{query}”."),
    "cmd.into_list": ("목록으로", "Into the list"),
    "reloaded": ("{name} 파일을 다시 읽었습니다.", "Reloaded {name}"),
    # -- editing in the explorer (H9): E, c, u, U ---------------------------------------------------
    "cmd.open_in_editor": ("편집기에서 열기", "Open in $EDITOR"),
    "cmd.change_field": ("필드 바꾸기…", "Change a field…"),
    "cmd.undo": ("되돌리기", "Undo"),
    "cmd.redo": ("다시 하기", "Redo"),
    "edit.no_editor": (
        "편집기가 정해져 있지 않습니다. $VISUAL이나 $EDITOR에 편집기를 지정하세요 (예: export EDITOR=nano).",
        "No editor is set: set $VISUAL or $EDITOR (e.g. export EDITOR=nano).",
    ),
    "edit.editor_failed": ("편집기를 실행할 수 없습니다: {error}", "Cannot run the editor: {error}"),
    "edit.cannot_suspend": (
        "여기서는 터미널을 편집기에 넘길 수 없습니다.",
        "The terminal cannot be handed to an editor here.",
    ),
    "edit.edited_in_editor": ("{id}: 편집기에서 고침", "{id}: edited in the editor"),
    "edit.dialog_title": ("필드 바꾸기: {name} ({id})", "Change a field of {name} ({id})"),
    "edit.value_placeholder": ("새 값 (비우면 필드를 지웁니다)", "New value (empty removes the field)"),
    "edit.hint": (
        "↑↓ 필드 고르기 · Enter 쓰기 · F2 바뀔 내용(diff) · Esc 취소",
        "↑↓ pick a field · Enter write · F2 show the change (diff) · Esc cancel",
    ),
    "edit.removes": ("이 필드를 지웁니다", "removes this field"),
    "edit.empty_list": ("(빈 목록)", "(empty list)"),
    "edit.date_value": ("{date} ({precision})", "{date} ({precision})"),
    "edit.precision.day": ("일 단위", "to the day"),
    "edit.precision.month": ("월 단위", "to the month"),
    "edit.precision.year": ("연 단위", "to the year"),
    "edit.parsed": ("→ {value}", "→ {value}"),
    "edit.bad_value": ("쓸 수 없는 값: {error}", "Cannot use this value: {error}"),
    "edit.invalid": (
        "바꾸면 파일이 올바르지 않게 됩니다. 아무것도 쓰지 않았습니다.",
        "The change would make the file invalid; nothing was written.",
    ),
    "edit.conflict": (
        "{path} 파일이 읽은 뒤에 디스크에서 바뀌었습니다. 아무것도 쓰지 않았습니다. 다시 읽은 뒤 바꾸세요.",
        "{path} changed on disk since it was read; nothing was written. Reload it, then change it.",
    ),
    "edit.cannot_write": ("{path}에 쓸 수 없습니다: {error}", "Cannot write {path}: {error}"),
    "edit.reload": ("다시 읽기", "Reload"),
    "edit.nothing_to_change": ("바뀌는 것이 없습니다.", "Nothing to change."),
    "edit.no_diff": ("(바뀌는 것 없음)", "(no change)"),
    "edit.written": ("썼습니다: {summary}", "Wrote {summary}"),
    "edit.undone": ("되돌렸습니다: {summary}", "Undone: {summary}"),
    "edit.redone": ("다시 했습니다: {summary}", "Redone: {summary}"),
    "edit.nothing_to_undo": ("되돌릴 것이 없습니다.", "Nothing to undo."),
    "edit.nothing_to_redo": ("다시 할 것이 없습니다.", "Nothing to redo."),
    "edit.undo_refused": ("되돌릴 수 없습니다", "Cannot undo"),
    "edit.redo_refused": ("다시 할 수 없습니다", "Cannot redo"),
    "edit.title_modified": ("{name} ● 고침", "{name} ● modified"),
    "edit.cancel": ("취소", "Cancel"),
    "edit.show_diff": ("바뀔 내용 보기", "Show the change"),
    "edit.previous_field": ("이전 필드", "Previous field"),
    "edit.next_field": ("다음 필드", "Next field"),
    # -- saving through the edit service; add, delete, rename; the conflict dialog (tui/ui/edit_service.py)
    "cmd.add_entity": ("새 항목…", "New entity…"),
    "cmd.delete_entity": ("지우기…", "Delete…"),
    "cmd.rename_entity": ("식별자 바꾸기…", "Rename id…"),
    "edit.not_here": ("여기서는 파일을 고칠 수 없습니다.", "The file cannot be changed here."),
    "edit.invalid_on_disk": (
        "디스크의 파일이 지금 올바르지 않아 바꾼 내용을 다시 적용하지 않았습니다:",
        "The file on disk is not valid now, so the change was not applied again:",
    ),
    "conflict.title": ("{path} 파일이 디스크에서 바뀌었습니다", "{path} changed on disk"),
    "conflict.explain": (
        "불러온 뒤에 다른 프로그램이 파일을 저장했습니다. 아무것도 쓰지 않았습니다. 바뀐 내용:",
        "Another program saved the file after it was loaded. Nothing was written. What changed:",
    ),
    "conflict.no_diff": (
        "(불러온 때의 내용을 알 수 없어 차이를 보여 줄 수 없습니다)",
        "(the text as loaded is not known: no diff to show)",
    ),
    "conflict.reload": ("다시 읽고 다시 적용", "Reload and apply again"),
    "conflict.cancel": ("취소", "Cancel"),
    "delete.title": ("지우기: {name} ({id})", "Delete {name} ({id})"),
    "delete.no_referrers": ("이 항목을 가리키는 다른 항목이 없습니다.", "Nothing else refers to it."),
    "delete.referred": (
        "다음 {n}개 항목이 이 항목을 가리킵니다. 지우면 그 참조도 함께 지웁니다:",
        "{n} entities refer to it; deleting it removes those references too:",
    ),
    "delete.remove": ("지우기", "Delete"),
    "delete.remove_cascade": ("참조 {n}곳과 함께 지우기", "Delete with the references in {n}"),
    "delete.cancel": ("취소", "Cancel"),
    "delete.summary": ("{id} 지움", "deleted {id}"),
    "delete.summary_cascade": (
        "{id} 지움 (참조하던 {n}개 항목에서도)",
        "deleted {id} (and its references in {n} entities)",
    ),
    "rename.title": ("식별자 바꾸기: {name} ({id})", "Rename the id of {name} ({id})"),
    "rename.hint": (
        "Enter 바꾸기 · Esc 취소 · 이 항목을 가리키는 {n}개 항목과 방문 기록이 새 식별자를 따라갑니다.",
        "Enter renames · Esc cancels · the {n} entities that refer to it and your history follow the new id.",
    ),
    "rename.summary": ("{old} → {new} 식별자 바꿈", "renamed {old} to {new}"),
    "new.title": ("새 {kind}", "New {kind}"),
    "new.id": ("식별자 (영어 이름에서 제안)", "Id (suggested from the English name)"),
    "new.source": ("출처 (출처 항목의 식별자)", "Source (the id of a source)"),
    "new.paragraph": ("문단 (0 = 제목)", "Paragraph (0 = headline)"),
    "new.hint": (
        "Tab 다음 칸 · Enter 추가 · Esc 취소 · 다른 필드는 추가한 뒤 c 로 바꿉니다.",
        "Tab next input · Enter adds · Esc cancels · set other fields afterwards with c.",
    ),
    "new.summary": ("새 {kind} {id} 추가", "added {kind} {id}"),
    "new.no_id": ("식별자를 적어 주세요.", "Type an id."),
    "new.no_source": ("출처의 식별자를 적어 주세요.", "Type the id of the source it comes from."),
    "new.bad_paragraph": ("문단은 0 이상의 정수입니다.", "The paragraph is a whole number (0 = headline)."),
    # -- parts of a field, as the edit dialog names them ("기업 가치 › 금액") --------------------------
    "field.money": ("금액", "amount"),
    "field.as_of": ("기준 연도", "as of"),
    "field.since": ("시작 연도", "since"),
    "field.until": ("끝 연도", "until"),
    "field.by": ("투자자", "investor"),
    "field.due": ("기한", "due"),
    "field.purpose": ("목적", "purpose"),
    "field.speaker": ("발언자", "speaker"),
    "field.speaker_note": ("발언자 설명", "speaker note"),
    "field.organization": ("기관", "organization"),
    "field.party": ("당사자", "party"),
    "field.source": ("출처", "source"),
    "field.paragraph": ("문단", "paragraph"),
    "field.value": ("값", "value"),
    "field.unit": ("단위", "unit"),
    "field.label": ("이름표", "label"),
    "field.start": ("시작", "start"),
    "field.end": ("끝", "end"),
    "field.ko": ("한국어", "Korean"),
    "field.en": ("영어", "English"),
    "field.currency": ("통화", "currency"),
    # -- FollowTheMoney export and import (tui/facts/ftm/, `export --format ftm`, `import`) ----------
    "ftm.missing": (
        "ftm 형식에는 followthemoney 라이브러리가 필요합니다. 설치: {install}",
        "the ftm format needs the followthemoney library; install it with: {install}",
    ),
    "ftm.cannot_read": ("{path}을(를) 읽을 수 없습니다: {error}", "cannot read {path}: {error}"),
    "ftm.refused": (
        "FollowTheMoney가 받지 않아 뺀 값: {schema}.{prop} {n:,}개",
        "left out, FollowTheMoney refuses them: {schema}.{prop}, {n:,} values",
    ),
    "ftm.imported": (
        "{path}: FollowTheMoney 항목 {used:,}개를 사실 {entities:,}개로 가져왔습니다",
        "{path}: {used:,} FollowTheMoney entities imported as {entities:,} facts",
    ),
    "ftm.unmapped_head": ("가져오지 않은 항목 (스키마별):", "not imported (per schema):"),
    "ftm.unmapped_row": ("  {schema}: {n:,}개 — {reason}", "  {schema}: {n:,} — {reason}"),
    "ftm.not_carried_head": (
        "사실 파일에 담을 곳이 없어 옮기지 않은 값 (스키마.속성별):",
        "values not carried, a fact file has no place for them (per schema.property):",
    ),
    "ftm.not_carried_row": ("  {schema}.{prop}: {n:,}개", "  {schema}.{prop}: {n:,}"),
    "ftm.synthetic_note": (
        "기사에 연결되지 않은 항목은 이 가져오기를 위해 만든 출처 '{id}'를 인용합니다",
        "entities no article documents cite the source '{id}' made for this import",
    ),
    "ftm.reason.schema": ("사실 파일에 대응하는 종류가 없음", "no counterpart in a fact file"),
    "ftm.reason.ends": (
        "연결의 한쪽 끝이 스트림에 없거나 맞지 않는 종류임",
        "an end of the link is not in the stream or of the wrong kind",
    ),
    "ftm.reason.no_party": ("당사자가 없는 계약", "a contract with no party"),
    # Data the import writes into the fact file, in both languages.
    "ftm.role.Directorship": ("임원", "Director"),
    "ftm.role.Employment": ("직원", "Employee"),
    "ftm.role.Membership": ("회원", "Member"),
    "ftm.no_date": (
        "날짜 없음 (FollowTheMoney 데이터에 날짜가 없음)",
        "No date (the FollowTheMoney data gives none)",
    ),
    "ftm.synthetic.outlet": ("FollowTheMoney 가져오기", "FollowTheMoney import"),
    "ftm.synthetic.summary": (
        "{file}에서 가져온 항목 가운데 어떤 기사에도 연결되지 않은 항목의 출처.",
        "The source of the entities imported from {file} that no article in it documents.",
    ),
    # -- citations per field (issue 14, A): the loader's rule, `check`, `show`, `cites` ----------------
    "citation.unknown_field": (
        "'{field}'은(는) '{kind}' 종류에서 출처로 밝힐 수 있는 필드가 아닙니다",
        "'{field}' is not a field a citation of kind '{kind}' can name",
    ),
    "citation.did_you_mean": ("'{field}'을(를) 말씀하셨나요?", "did you mean '{field}'?"),
    "citation.part_of": (
        "'{field}'은(는) '{whole}'의 일부입니다: '{whole}'을(를) 적으세요",
        "'{field}' is part of '{whole}': name '{whole}'",
    ),
    "citation.not_a_claim": (
        "'{field}'은(는) 출처가 말하는 내용이 아닙니다: 목록에서 빼세요",
        "'{field}' is not something a source says: leave it out",
    ),
    "citation.fields_are": (
        "이 종류에서 밝힐 수 있는 필드: {fields}",
        "name one of this kind's fields: {fields}",
    ),
    "heading.citations": ("출처", "Citations"),
    "citation.uncited": ("출처 없음", "no citation"),
    "citation.how_to_cite": (
        '이 값을 밝히는 근거 항목에 적으세요: fields = ["{field}"]',
        'name it in the provenance entry that supports it: fields = ["{field}"]',
    ),
    "citation.n_uncited": (
        "출처 없는 필드 {n:,}개 (항목 {entities:,}개). --strict를 주면 오류로 봅니다.",
        "{n:,} fields without a citation in {entities:,} entities; --strict makes them errors.",
    ),
    "cites.unknown_source": (
        "{path}에 식별자가 '{id}'인 출처가 없습니다.{hint}",
        "no source with id '{id}' in {path}.{hint}",
    ),
    "cites.not_a_source": (
        "'{id}'은(는) 출처가 아닙니다 (종류: {kind}).{hint}",
        "'{id}' is not a source (its kind: {kind}).{hint}",
    ),
    "cites.count": ("인용 {n:,}개", "{n:,} citations"),
    "cites.none": ("(인용한 항목 없음)", "(nothing cites it)"),
    "cites.whole": ("항목 전체", "the entity as a whole"),
    # -- the source view and the citation of a field (issue 14, G): p, i ----------------------------
    "cmd.source_view": ("출처를 문단별로 보기", "Source, paragraph by paragraph"),
    "cmd.source_view.short": ("출처", "Source"),
    "cmd.citation": ("필드의 출처와 인용문", "Citation of the field (source, paragraph, quote)"),
    "cmd.citation.short": ("인용", "Citation"),
    "cmd.previous_row": (
        "이전 필드·근거·연결 (첫 필드 위에서는 위로 스크롤)",
        "Previous field, citation or link (above the first field: scroll up)",
    ),
    "cmd.next_row": ("다음 필드·근거·연결", "Next field, citation or link"),
    "cmd.follow_row": (
        "연결 따라가기, 필드의 출처 보기, 근거의 출처 열기",
        "Follow the link, show the field's citations, open the entry's source",
    ),
    "cmd.follow_row.short": ("열기", "Open"),
    "cmd.open_citing": ("인용한 항목 열기", "Open the citing entity"),
    "cmd.open_citing.short": ("열기", "Open"),
    "cmd.next_paragraph": ("다음 문단", "Next paragraph"),
    "cmd.previous_paragraph": ("이전 문단", "Previous paragraph"),
    "cmd.paragraph_digit": ("문단으로 가기 (번호를 입력)", "Go to a paragraph (type its number)"),
    "cmd.paragraph_digit.short": ("문단", "Paragraph"),
    "cmd.open_source_at": ("그 문단에서 출처 보기", "Open the source at that paragraph"),
    "cmd.open_source_at.short": ("출처 보기", "Source"),
    "cmd.close_citation": ("닫기", "Close"),
    "group.source_view": ("출처 보기에서 (p)", "In the source view (p)"),
    "group.citation": ("인용 창에서 (i)", "In the citation dialog (i)"),
    "source_view.where": ("{paragraph} · {n}/{total}행", "{paragraph} · row {n} of {total}"),
    "source_view.no_source": ("{id} 항목은 출처를 밝히지 않습니다.", "{id} cites no source."),
    "citation.title": ("{name} · {field}: 출처", "{name} · {field}: citations"),
    "citation.title_all": ("{name}: 출처", "{name}: citations"),
    "citation.none": (
        "이 필드를 밝히는 출처가 없습니다. 아래는 항목의 모든 출처입니다.",
        "No citation names this field; below is every citation of the entity.",
    ),
    "citation.no_provenance": ("이 항목은 출처를 밝히지 않습니다.", "This entity cites no source."),
    "citation.names": ("밝히는 필드: {fields}", "Supports: {fields}"),
    "citation.hint": (
        "Enter 그 문단에서 출처 보기 · Esc 닫기",
        "Enter opens the source at that paragraph · Esc closes",
    ),
    # -- the edit form (issue 13, E1): C, its reference picker and its citation ---------------------
    "cmd.edit_form": ("항목 고치기 (양식)…", "Edit the entity (form)…"),
    "cmd.edit_form.short": ("고치기", "Edit"),
    "form.title": ("고치기: {name} ({id})", "Edit {name} ({id})"),
    "form.korean": ("한국어", "Korean"),
    "form.english": ("영어", "English"),
    "form.add_row": ("+ 추가", "+ Add"),
    "form.remove_row": ("− 빼기", "− Remove"),
    "form.no_rows": ("(없음)", "(none)"),
    "form.pick": ("고르기…", "Pick…"),
    "form.no_choice": ("(없음)", "(none)"),
    "form.placeholder.money": (
        "760억, 76 billion, 76,000,000,000 KRW",
        "760억, 76 billion, 76,000,000,000 KRW",
    ),
    "form.placeholder.date": ("2023-03-07, 2024-09, 2023", "2023-03-07, 2024-09, 2023"),
    "form.placeholder.time": ("03:00", "03:00"),
    "form.placeholder.number": ("2013", "2013"),
    "form.placeholder.quantity": ("330000 m2", "330000 m2"),
    "form.placeholder.period": ("2023-2028", "2023-2028"),
    "form.citation": ("출처 밝히기", "Citation"),
    "form.citation_needed": (
        "새 사실이나 바뀐 사실에는 출처가 있어야 합니다: 출처, 문단 번호, (있으면) 출처의 문장.",
        "A new or changed fact needs a citation: the source, its paragraph and, optionally, its words.",
    ),
    "form.citation_source": ("출처", "Source"),
    "form.citation_paragraph": ("문단 (0 = 제목·부제)", "Paragraph (0 = headline, deck)"),
    "form.citation_quote": ("인용 (선택)", "Quote (optional)"),
    "form.citation_names": ("이 출처가 밝히는 필드: {fields}", "This citation names: {fields}"),
    "form.source_missing": ("출처를 고르세요.", "Pick the source."),
    "form.source_unknown": (
        "이 파일에 그런 출처가 없습니다: 출처를 고르세요.",
        "No such source in this file: pick one.",
    ),
    "form.paragraph_missing": (
        "문단 번호를 적으세요 (0 = 제목·부제·사진 설명).",
        "Give the paragraph number (0 = headline, deck or caption).",
    ),
    "form.paragraph_beyond": ("출처에 그만큼 문단이 없습니다.", "The source has fewer paragraphs."),
    "form.no_change": ("바뀐 것이 없습니다.", "Nothing changed yet."),
    "form.n_problems": (
        "고칠 곳 {n}개: 표시된 칸을 고쳐야 저장할 수 있습니다.",
        "{n} to fix: the marked inputs must be fixed before saving.",
    ),
    "form.cite_below": (
        "바뀐 사실의 출처를 양식 끝의 '출처 밝히기'에 적어야 저장할 수 있습니다.",
        "Cite a source for the change under 'Citation' at the end of the form before saving.",
    ),
    "form.ready": ("저장할 수 있습니다: 바뀌는 필드 {fields}", "Ready to save: changes {fields}"),
    "form.hint": (
        "Tab 다음 칸 · Enter 참조 고르기 · Ctrl+S 저장 · F2 바뀔 내용(diff) · Esc 취소",
        "Tab next input · Enter pick a reference · Ctrl+S save · F2 show the change (diff) · Esc cancel",
    ),
    "form.save": ("저장", "Save"),
    "form.save_refused": ("저장할 수 없습니다", "Cannot save"),
    "form.summary": ("{id}: {fields} 고침", "{id}: changed {fields}"),
    "form.diff_unavailable": ("바뀔 내용을 보여 줄 수 없습니다: {error}", "Cannot show the change: {error}"),
    "form.picker_placeholder": ("이름, 초성(ㄷㄱ), 식별자로 찾기", "Find by name, initials (ㄷㄱ) or id"),
    "form.picker_title": ("{field} 고르기: {kinds}", "Pick {field}: {kinds}"),
    "form.picker_none": ("맞는 항목이 없습니다.", "Nothing matches."),
    "form.picker_indexing": ("검색 색인을 만드는 중…", "Building the search index…"),
    # -- the edit form's empty inputs (L): placeholders that cannot be read as a value -----------
    "form.empty": ("(비어 있음)", "(empty)"),
    "form.empty_part": ("({part}: 비어 있음)", "({part}: empty)"),
    "form.example": ("예: {example}", "e.g. {example}"),
    # -- problems of a fact file (issue 11, F2): `check`, set/add/rm/rename, the problems panel --------
    # The loader's words for what is wrong, as `Said` values (below). A `{found}` is a
    # `problem.value.*`, a `{type}` a `problem.type.*`; code and data stay in quotes or backticks.
    "problem.hint": ("힌트: {hint}", "hint: {hint}"),
    "problem.count_one": ("{path}에 문제 1개", "1 problem in {path}"),
    "problem.count": ("{path}에 문제 {n}개", "{n} problems in {path}"),
    "problem.change_invalid": (
        "바꾸면 {path} 파일이 올바르지 않게 됩니다. 아무것도 쓰지 않았습니다",
        "the change would make {path} invalid; nothing was written",
    ),
    "problem.not_found": ("파일이 없습니다", "file not found"),
    "problem.not_regular": ("보통 파일이 아닙니다", "is not a regular file"),
    "problem.edit_in_place": (".toml 파일 자체를 고치세요", "edit a .toml file in place"),
    "problem.json_schema": ("스키마에 맞지 않습니다: {detail}", "does not fit the schema: {detail}"),
    "problem.json_syntax": ("올바른 JSON이 아닙니다: {detail}", "not valid JSON: {detail}"),
    "problem.cannot_load": ("읽어 들일 수 없습니다: {detail}", "cannot be loaded: {detail}"),
    "problem.hint.not_found": (
        "경로를 확인하거나, 파일 없이 실행해 함께 들어 있는 파일을 여세요",
        "check the path, or run without a file for the bundled one",
    ),
    "problem.is_directory": ("사실 파일이 아니라 폴더입니다", "is a directory, not a fact file"),
    "problem.hint.is_directory": (".toml 파일의 경로를 주세요", "give the path of a .toml file"),
    "problem.permission_denied": ("읽을 권한이 없습니다", "permission denied"),
    "problem.hint.permission_denied": (
        "파일을 읽을 수 있게 하거나 (`chmod +r`) 복사하세요",
        "make the file readable (chmod +r) or copy it",
    ),
    "problem.cannot_read": ("읽을 수 없습니다: “{error}”", "cannot be read: {error}"),
    "problem.hint.cannot_read": ("경로와 디스크를 확인하세요", "check the path and the disk"),
    "problem.not_utf8": ("UTF-8이 아닙니다 (바이트 `0x{byte}`)", "not UTF-8 (byte 0x{byte})"),
    "problem.hint.not_utf8": ("파일을 UTF-8로 저장하세요", "save the file as UTF-8"),
    "problem.empty": ("파일이 비어 있습니다", "the file is empty"),
    "problem.hint.empty": (
        "`docs/schema.md`의 예에서 시작하세요. 파일에는 적어도 `[meta]`가 있어야 합니다",
        "start from docs/schema.md's example; a file needs at least [meta]",
    ),
    "problem.too_deep": ("너무 깊이 중첩되어 읽을 수 없습니다", "nested too deeply to read"),
    "problem.hint.too_deep": ("중첩된 배열이나 테이블을 펼치세요", "flatten the nested arrays or tables"),
    "problem.too_long": ("읽을 수 없을 만큼 긴 수", "a number too long to read"),
    "problem.hint.too_long": (
        "TOML 정수는 64비트입니다: 가장 큰 값은 9223372036854775807",
        "TOML integers are 64-bit: at most 9223372036854775807",
    ),
    "problem.toml_syntax": ("TOML 문법: {detail}", "TOML syntax: {detail}"),
    "problem.hint.toml_syntax": (
        "이 자리의 TOML을 고치세요 (https://toml.io). 날짜는 2023-03-06처럼 씁니다",
        "fix the TOML at this place (https://toml.io); dates look like 2023-03-06",
    ),
    "problem.expected_array": ("배열이어야 합니다 (지금: {found})", "expected an array, found {found}"),
    "problem.expected_table": ("테이블이어야 합니다 (지금: {found})", "expected a table, found {found}"),
    "problem.expected_tables": (
        "테이블의 배열이어야 합니다 (지금: {found})",
        "expected an array of tables, found {found}",
    ),
    "problem.hint.expected_tables": ("항목마다 `[[{name}]]`로 쓰세요", "write each entry as [[{name}]]"),
    "problem.unknown_key": ("알 수 없는 키 '{key}'", "unknown key '{key}'"),
    "problem.hint.did_you_mean": ("'{word}'을(를) 말씀하셨나요?", "did you mean '{word}'?"),
    "problem.hint.allowed_keys": ("쓸 수 있는 키: {keys}", "allowed keys: {keys}"),
    "problem.missing_field": ("필수 필드 '{name}'이(가) 없습니다", "missing required field '{name}'"),
    "problem.hint.missing_field": ("`{name} = ...`을(를) 넣으세요", "add {name} = ..."),
    # msgspec's messages, in the shapes it gives them ('Expected `int` >= 0'), then the others.
    "problem.expected": ("{type} 값이어야 합니다 (지금: {found})", "expected {type}, found {found}"),
    "problem.expected_bound": (
        "{bound} {op}인 {type} 값이어야 합니다 (지금: {found})",
        "expected {type} {op} {bound}, found {found}",
    ),
    "problem.expected_pattern": (
        "정규식 {pattern}에 맞는 {type} 값이어야 합니다 (지금: {found})",
        "expected {type} matching regex {pattern}, found {found}",
    ),
    "problem.expected_length": (
        "길이가 {bound} {op}인 {type} 값이어야 합니다 (지금: {found})",
        "expected {type} of length {op} {bound}, found {found}",
    ),
    "problem.invalid_enum": (
        "허용되지 않는 값 {value} (지금: {found})",
        "invalid enum value {value}, found {found}",
    ),
    "problem.invalid_other": ("맞지 않는 값: “{detail}” (지금: {found})", "{detail}, found {found}"),
    "problem.expected_other": (
        "맞지 않는 값입니다. 와야 하는 값: {expected} (지금: {found})",
        "expected {expected}, found {found}",
    ),
    "problem.hint.int64": ("TOML 정수는 64비트입니다", "TOML integers are 64-bit"),
    "problem.op.ge": ("이상", ">="),
    "problem.op.le": ("이하", "<="),
    "problem.op.gt": ("초과", ">"),
    "problem.op.lt": ("미만", "<"),
    "problem.type.int": ("정수", "int"),
    "problem.type.float": ("수", "float"),
    "problem.type.str": ("문자열", "str"),
    "problem.type.bool": ("논리값", "bool"),
    "problem.type.array": ("배열", "array"),
    "problem.type.object": ("테이블", "object"),
    "problem.type.date": ("날짜", "date"),
    "problem.type.time": ("시각", "time"),
    "problem.type.datetime": ("날짜와 시각", "datetime"),
    "problem.type.null": ("빈 값", "null"),
    "problem.type.one_of": ("{values} 중 하나", "one of {values}"),
    "problem.type.smaller": ("더 작은 값", "a smaller value"),
    "problem.or": (" 또는 ", " or "),
    "problem.type_or": (" 또는 ", " | "),
    "problem.value.string": ("문자열 {shown}", "a string {shown}"),
    "problem.value.integer": ("정수 {shown}", "an integer {shown}"),
    "problem.value.number": ("수 {shown}", "a number {shown}"),
    "problem.value.true": ("논리값 true", "a boolean True"),
    "problem.value.false": ("논리값 false", "a boolean False"),
    "problem.value.array": ("배열", "an array"),
    "problem.value.table": ("테이블", "a table"),
    "problem.value.empty_array": ("빈 배열", "an empty array"),
    "problem.value.empty_table": ("빈 테이블", "an empty table"),
    "problem.value.huge_integer": ("약 {digits:,}자리 정수", "an integer of about {digits:,} digits"),
    "problem.hint.one_of": ("다음 중 하나를 쓰세요: {values}", "use one of: {values}"),
    "problem.hint.date": (
        "따옴표 없이 TOML 날짜로 쓰세요. 예: 2023-03-06",
        "write a TOML date without quotes, like 2023-03-06",
    ),
    "problem.hint.time": (
        "따옴표 없이 TOML 시각으로 쓰세요. 예: 03:00:00",
        "write a TOML time without quotes, like 03:00:00",
    ),
    "problem.hint.id": (
        "식별자에는 영문 소문자, 숫자, '.', '_', '-'를 씁니다. 예: `daegu-city`",
        "ids use lower-case letters, digits, '.', '_' and '-', like daegu-city",
    ),
    "problem.hint.currency_code": (
        "ISO 4217 세 글자 통화 코드를 쓰세요. 예: `KRW`",
        "use a three-letter ISO 4217 currency code, like KRW",
    ),
    "problem.hint.too_large": (
        "너무 큽니다: TOML 정수는 64비트입니다 (가장 큰 값은 9223372036854775807)",
        "too large: TOML integers are 64-bit (at most 9223372036854775807)",
    ),
    "problem.hint.negative": ("금액과 개수는 음수일 수 없습니다", "amounts and counts cannot be negative"),
    "problem.hint.int": (
        "따옴표나 자릿수 구분 기호 없이 정수로 쓰세요. 예: 76000000000",
        "write a whole number without quotes or separators, like 76000000000",
    ),
    "problem.hint.str": ('큰따옴표 안에 글로 쓰세요. 예: "LVIS"', 'write text in double quotes, like "LVIS"'),
    "problem.hint.at_least_one": ("항목을 하나 이상 주세요", "give at least one entry"),
    # What the facts mean: ids, references, dates, amounts (tui/facts/rules.py).
    "problem.duplicate_id": (
        "식별자 '{id}'이(가) 겹칩니다 ({first}에서 먼저 씀)",
        "duplicate id '{id}' (first used by {first})",
    ),
    "problem.hint.duplicate_id": (
        "식별자는 파일 전체에서 하나뿐이어야 합니다. 하나의 식별자를 바꾸세요",
        "ids must be unique across the whole file; rename one",
    ),
    "problem.missing_target": ("{role} '{id}'이(가) 없습니다", "{role} '{id}' does not exist"),
    "problem.hint.missing_target": (
        "이 식별자로 항목을 더하거나 참조를 고치세요",
        "add an entity with this id, or fix the reference",
    ),
    "problem.wrong_kind": (
        "{role} '{id}'은(는) {kind} 항목입니다. 와야 할 종류: {kinds}",
        "{role} '{id}' is {kind}, expected {kinds}",
    ),
    "problem.hint.wrong_kind": (
        "맞는 종류의 항목을 가리키게 하세요",
        "point this reference at an entity of the right kind",
    ),
    "problem.unnamed": ("이름에 'ko'도 'en'도 없습니다", "name has neither 'ko' nor 'en'"),
    "problem.hint.unnamed": (
        '하나는 쓰세요: `name = { ko = "…" }`',
        'give at least one: name = { ko = "…" }',
    ),
    "problem.undated": ("`date`도 `date_note`도 없습니다", "no date and no date_note"),
    "problem.hint.undated": (
        '`date = 2023-03-06`이나 `date_note = { en = "recent (the source gives no date)" }`을 쓰세요',
        'give date = 2023-03-06, or date_note = { en = "recent (the source gives no date)" }',
    ),
    "problem.period_reversed": (
        "기간이 시작({start})보다 먼저 끝납니다 ({end})",
        "period ends ({end}) before it starts ({start})",
    ),
    "problem.hint.period_reversed": ("`start`와 `end`를 맞바꾸세요", "swap start and end"),
    "problem.role_reversed": ("직책이 시작보다 먼저 끝납니다", "role ends before it starts"),
    "problem.hint.role_reversed": ("`since`와 `until`을 맞바꾸세요", "swap since and until"),
    "problem.own_parent": (
        "기관은 자기 자신의 모기관일 수 없습니다",
        "an organization cannot be its own parent",
    ),
    "problem.hint.own_parent": ("`parent`를 지우세요", "remove parent"),
    "problem.not_iso_4217": (
        "'{code}'은(는) ISO 4217 통화 코드가 아닙니다",
        "'{code}' is not an ISO 4217 currency code",
    ),
    "problem.hint.iso_4217": (
        "지금 쓰이는 ISO 4217 코드를 쓰세요 (`KRW`, `USD`, `EUR`, `JPY`, ...)",
        "use a current ISO 4217 code (KRW, USD, EUR, JPY, ...)",
    ),
    "problem.hint.iso_4217_close": (
        "'{code}'을(를) 말씀하셨나요? 지금 쓰이는 ISO 4217 코드를 쓰세요 (`KRW`, `USD`, `EUR`, `JPY`, ...)",
        "did you mean '{code}'? use a current ISO 4217 code (KRW, USD, EUR, JPY, ...)",
    ),
    # A kind as a problem names it ("expected person or organization", "is a project").
    "problem.kind.organization": ("기관", "organization"),
    "problem.kind.agreement": ("협약", "agreement"),
    "problem.kind.project": ("사업", "project"),
    "problem.kind.person": ("인물", "person"),
    "problem.kind.event": ("사건", "event"),
    "problem.kind.source": ("출처", "source"),
    "problem.a_kind.organization": ("기관", "an organization"),
    "problem.a_kind.agreement": ("협약", "an agreement"),
    "problem.a_kind.project": ("사업", "a project"),
    "problem.a_kind.person": ("인물", "a person"),
    "problem.a_kind.event": ("사건", "an event"),
    "problem.a_kind.source": ("출처", "a source"),
    # The role a reference plays, as a problem names it (`Reference.role`: "signatory 'kimm'").
    "problem.role.source": ("출처", "source"),
    "problem.role.founder": ("설립자", "founder"),
    "problem.role.parent": ("모기관", "parent"),
    "problem.role.role": ("소속 기관", "role"),
    "problem.role.party": ("당사자", "party"),
    "problem.role.signatory": ("서명자", "signatory"),
    "problem.role.commitment": ("약속한 곳", "commitment"),
    "problem.role.investor": ("투자자", "investor"),
    "problem.role.project": ("사업", "project"),
    "problem.role.owner": ("주관", "owner"),
    "problem.role.organization": ("참여 기관", "organization"),
    "problem.role.agreement": ("근거 협약", "agreement"),
    "problem.role.participant": ("참여자", "participant"),
    "problem.role.speaker": ("발언자", "speaker"),
    "problem.role.related": ("관련 항목", "related"),
    # tomli's messages (tomli/_parser.py); one not said here is quoted as it is (`problem.quoted`).
    "problem.quoted": ("“{detail}”", "{detail}"),
    "problem.toml.invalid_key_start": (
        "키의 첫 글자가 올바르지 않습니다",
        "Invalid initial character for a key part",
    ),
    "problem.toml.invalid_value": ("올바른 값이 아닙니다", "Invalid value"),
    "problem.toml.invalid_character": ("올바르지 않은 문자 {char}", "Found invalid character {char}"),
    "problem.toml.declared_twice": ("{key}을(를) 두 번 선언했습니다", "Cannot declare {key} twice"),
    "problem.toml.table_end": (
        "테이블 선언 끝에 `]`가 있어야 합니다",
        "Expected ']' at the end of a table declaration",
    ),
    "problem.toml.array_end": (
        "배열 선언 끝에 `]]`가 있어야 합니다",
        "Expected ']]' at the end of an array declaration",
    ),
    "problem.toml.immutable": (
        "바꿀 수 없는 이름공간 {key}을(를) 바꾸려 했습니다",
        "Cannot mutate immutable namespace {key}",
    ),
    "problem.toml.overwrite": ("이미 있는 값을 덮어쓸 수 없습니다", "Cannot overwrite a value"),
    "problem.toml.equals": ("키 다음에 `=`가 있어야 합니다", "Expected '=' after a key in a key/value pair"),
    "problem.toml.hex": ("16진수 값이 올바르지 않습니다", "Invalid hex value"),
    "problem.toml.not_scalar": (
        "이스케이프한 문자가 유니코드 스칼라 값이 아닙니다",
        "Escaped character is not a Unicode scalar value",
    ),
    "problem.toml.newline": (
        "문장 다음에는 줄바꿈이나 파일 끝이 와야 합니다",
        "Expected newline or end of document after a statement",
    ),
    "problem.toml.redefine": (
        "이름공간 {key}을(를) 다시 정의할 수 없습니다",
        "Cannot redefine namespace {key}",
    ),
    "problem.toml.unclosed_array": ("배열이 닫히지 않았습니다", "Unclosed array"),
    "problem.toml.duplicate_inline_key": (
        "인라인 테이블에 키 {key}이(가) 두 번 있습니다",
        "Duplicate inline table key {key}",
    ),
    "problem.toml.unclosed_inline_table": ("인라인 테이블이 닫히지 않았습니다", "Unclosed inline table"),
    "problem.toml.unescaped_backslash": (
        "문자열 안에 이스케이프하지 않은 `\\`가 있습니다",
        "Unescaped '\\' in a string",
    ),
    "problem.toml.illegal_character": ("쓸 수 없는 문자 {char}", "Illegal character {char}"),
    "problem.toml.expected": ("{expect}이(가) 와야 합니다", "Expected {expect}"),
    "problem.toml.unterminated_string": ("문자열이 끝나지 않았습니다", "Unterminated string"),
    "problem.toml.invalid_date": ("올바른 날짜나 날짜·시각이 아닙니다", "Invalid date or datetime"),
    "problem.toml.invalid_statement": ("올바른 문장이 아닙니다", "Invalid statement"),
    # -- search hits (K #3, #10): a provenance quote that matched; why a filtered row is there ------
    "hit.citation": ("인용", "citation"),
}


def msg(key: str, lang: Language, /, **values: object) -> str:
    """The message `key` in `lang`, with `values` filled in."""
    ko, en = MESSAGES[key]
    template = ko if lang == "ko" else en
    return template.format(**values) if values else template


def both(key: str, /, **values: object) -> tuple[str, str]:
    """The message in both languages (Korean, English): for the palette, which finds either."""
    return msg(key, "ko", **values), msg(key, "en", **values)


class Said(str):
    """A message that can be said in either language: as a `str` it is the English text (so old
    callers, comparisons and f-strings go on working), and `text(lang)` says it in `lang`.

    For messages made before the language is known, such as a fact file's problems: the loader
    words them once, and `check --lang ko` or the explorer's `l` says them in Korean. A value that
    is itself `Said` (a kind, "a string 'x'") is said in the same language; any other value is
    data and is written as it is.
    """

    key: str
    values: dict[str, object]

    def __new__(cls, key: str, /, **values: object) -> Said:
        said = super().__new__(cls, _fill(key, "en", values))
        said.key, said.values = key, values
        return said

    def text(self, lang: Language) -> str:
        """The message in `lang`."""
        return _fill(self.key, lang, self.values)

    def __reduce__(self) -> tuple:
        return _said_again, (type(self), self.key, self.values)


class Joined(Said):
    """Several values said in one language, between the words of the message `key`
    (`problem.or`: "person or organization", "인물 또는 기관")."""

    def __new__(cls, key: str, /, **values: object) -> Joined:
        said = str.__new__(cls, _join(key, "en", values))
        said.key, said.values = key, values
        return said

    def text(self, lang: Language) -> str:
        return _join(self.key, lang, self.values)


class SaidBy(Said):
    """A message composed in code, from several messages or a choice among them:
    `compose(lang)` says it (`citation_hint`)."""

    def __new__(cls, compose: Callable[[Language], str], /) -> SaidBy:
        said = str.__new__(cls, compose("en"))
        said.key, said.values = "", {"compose": compose}
        return said

    def text(self, lang: Language) -> str:
        compose = self.values["compose"]
        assert callable(compose)
        return compose(lang)

    def __reduce__(self) -> tuple:
        return str, (str(self),)  # a function need not pickle: the English text does


def said(text: str, lang: Language) -> str:
    """`text` in `lang` if it is `Said`, else as it is (a message made in one language)."""
    return text.text(lang) if isinstance(text, Said) else text


def _fill(key: str, lang: Language, values: dict[str, object]) -> str:
    return msg(key, lang, **{name: said(v, lang) if isinstance(v, str) else v for name, v in values.items()})


def _join(key: str, lang: Language, values: dict[str, object]) -> str:
    parts = values.get("parts", ())
    assert isinstance(parts, tuple)
    return msg(key, lang).join(said(p, lang) if isinstance(p, str) else str(p) for p in parts)


def _said_again(cls: type[Said], key: str, values: dict[str, object]) -> Said:
    return cls(key, **values)
