// Catalogue strings of the timeline scrubber, rewind and branches (see catalogue.hpp).
// One line per string, {"key", "English", "日本語"}, keys starting "rewind.".
#include "sim/text/string_tables.hpp"

namespace irdrill::text::tables {

std::span<const Entry> rewindStrings() {
  static constexpr Entry kEntries[] = {
      {"rewind.journal.col_rewind", "Rewind", "巻き戻し"},
      {"rewind.journal.rewind_here", "Rewind here", "ここに巻き戻す"},
      {"rewind.journal.rewind_tip", "Rebuild the exercise just before this entry ({time}); it and the later entries stay pending",
       "このエントリの直前({time})に演習を再構築します。このエントリと以降のエントリは保留になります"},
      {"rewind.timeline.scrub_tip", "Press on the time axis before now and drag: the exercise rewinds to the marker on release",
       "現在より前の時間軸を押してドラッグすると、離したときにマーカーの時刻まで巻き戻します"},
      {"rewind.timeline.scrub_to", "Rewind to {time}", "{time} に巻き戻す"},
      {"rewind.timeline.ghosts", "Faded ticks: {branch}", "薄い目盛り: {branch}"},
      {"rewind.feedback.rewound", "Rewound from {from} to {time} ({pending} later entries pending)",
       "{from} から {time} に巻き戻しました(以降のエントリ {pending} 件は保留中)"},
      {"rewind.feedback.switched", "Switched to {branch} at {time}", "{branch} に切り替えました({time})"},
      {"rewind.feedback.renamed", "Renamed {from} to {to}", "{from} の名前を {to} に変更しました"},
      {"rewind.feedback.rename_refused", "Not renamed: {reason}", "名前を変更できません: {reason}"},
      {"rewind.branches.tab", "Branches", "分岐"},
      {"rewind.branches.col_name", "Branch", "分岐"},
      {"rewind.branches.col_fork", "Forked", "分岐点"},
      {"rewind.branches.col_entries", "Entries", "エントリ"},
      {"rewind.branches.col_clock", "Clock", "時刻"},
      {"rewind.branches.current", "current", "現在"},
      {"rewind.branches.switch", "Switch", "切り替え"},
      {"rewind.branches.fork", "{time}, after {count} entries", "{time}、{count} 件の後"},
      {"rewind.branches.rename", "New name of the current branch", "現在の分岐の新しい名前"},
      {"rewind.branches.rename_button", "Rename", "名前を変更"},
      {"rewind.branches.one_branch",
       "One branch so far. Rewind (a journal entry's \"Rewind here\", or the timeline's axis) and make a different "
       "decision to start another.",
       "分岐はまだ一つです。巻き戻して(ジャーナルの「ここに巻き戻す」か、タイムラインの時間軸)別の判断をすると新しい分岐が始まります。"},
      {"rewind.branches.facilitator_only", "The side-by-side table and the ghosts are in the facilitator's view.",
       "比較表とゴーストはファシリテーター表示でのみ見られます。"},
      {"rewind.branches.compare_with", "Compare with", "比較する分岐"},
      {"rewind.branches.none", "(none)", "(なし)"},
      {"rewind.branches.refresh", "Compare again", "再比較"},
      {"rewind.branches.as_of",
       "Both branches replayed to {time}: one pair of runs, not expected differences (the What-if tab gives those). "
       "Difference = {b} - {a}.",
       "両方の分岐を {time} まで再生しました。一組の実行の差であり、期待値の差ではありません(期待値は What-if タブ)。差 = {b} - {a}。"},
      {"rewind.branches.failed", "The comparison failed: {reason}", "比較できませんでした: {reason}"},
      {"rewind.branches.col_metric", "Line", "項目"},
      {"rewind.branches.col_difference", "Difference", "差"},
      {"rewind.metric.total", "total", "合計"},
      {"rewind.metric.deadlines_missed", "deadlines missed", "期限超過"},
      {"rewind.metric.hours_to_contain", "hours to contain", "封じ込めまでの時間"},
      {"rewind.metric.points", "points", "点数"},
  };
  return kEntries;
}

}  // namespace irdrill::text::tables
