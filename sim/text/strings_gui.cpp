// Catalogue strings of the training app: top bar, panels, map, inspector, picker (see
// catalogue.hpp). One line per string: {"key", "English", "日本語"}; keys start "gui.".
// Vocabulary follows the seed article's Japanese incident-response terms (検知, 初動対応,
// 封じ込め, 個人情報保護委員会への報告, ...).
#include "sim/text/string_tables.hpp"

namespace irdrill::text::tables {

std::span<const Entry> guiStrings() {
  static constexpr Entry kEntries[] = {
      // ---- the language switch
      {"gui.lang.label", "Language", "言語"},
      // ---- top bar
      {"gui.top.play", "Play", "再生"},
      {"gui.top.pause", "Pause", "一時停止"},
      {"gui.top.play_tip", "Space", "スペースキー"},
      {"gui.top.step", "Step", "1ステップ"},
      {"gui.top.step_tip", "Run to the next pending event, then pause", "次の予定イベントまで進めて一時停止"},
      {"gui.top.express", "Express", "高速"},
      {"gui.top.express_tip", "As fast as it goes: map frozen, panels refreshed 4 times a second",
       "最高速で実行：マップは停止し、パネルは毎秒4回更新"},
      {"gui.top.run_until", "Run until", "実行の停止点"},
      {"gui.top.until_time", "a time", "指定時刻"},
      {"gui.top.until_detection", "next detection", "次の検知"},
      {"gui.top.until_deadline", "next deadline", "次の期限"},
      {"gui.top.until_inject", "next inject", "次のインジェクト"},
      {"gui.top.until_time_tip", "\"d1 14:00\" (d0 is the first day) or \"14:00\" today",
       "「d1 14:00」（d0 が初日）または当日の「14:00」"},
      {"gui.top.go", "Go", "実行"},
      {"gui.top.running_to", "running to {target}", "{target} まで実行中"},
      {"gui.top.the_next_detection", "the next detection", "次の検知"},
      {"gui.top.no_deadline", "no deadline is running", "進行中の期限はありません"},
      {"gui.top.no_inject", "no inject is pending", "予定されたインジェクトはありません"},
      {"gui.top.view", "View", "表示"},
      {"gui.top.facilitator", "Facilitator", "進行役"},
      {"gui.top.player", "Player", "プレイヤー"},
      {"gui.top.view_tip", "F2 switches. The player view shows only what the team knows.",
       "F2で切り替え。プレイヤー表示ではチームが把握している情報だけを表示します。"},
      {"gui.top.seat", "Seat", "席"},
      {"gui.top.layout", "Layout", "レイアウト"},
      {"gui.top.map_width", "map width", "マップの幅"},
      {"gui.top.timeline_height", "timeline height", "タイムラインの高さ"},
      {"gui.top.reset_layout", "Reset layout", "レイアウトを初期化"},
      {"gui.top.save_session", "Save session", "セッションを保存"},
      {"gui.top.ui_scale", "UI", "UI"},
      {"gui.top.close", "Close", "閉じる"},
      {"gui.top.close_tip", "Back to the scenario picker (save first)", "シナリオ選択に戻る（先に保存してください）"},
  };
  return kEntries;
}

}  // namespace irdrill::text::tables
