// Catalogue strings of the what-if panel and its report (see catalogue.hpp).
// One line per string, {"key", "English", "日本語"}, keys starting "whatif.".
#include "sim/text/string_tables.hpp"

namespace irdrill::text::tables {

std::span<const Entry> whatIfStrings() {
  static constexpr Entry kEntries[] = {
      {"whatif.tab", "What if", "もしも"},
      {"whatif.intro",
       "What usually happens with these decisions: the session's decisions replayed in many replications.",
       "この判断で通常どうなるか：セッションの判断を多数の反復で再生します。"},
      {"whatif.replications", "Replications", "反復回数"},
      {"whatif.variant_fresh", "Fresh seeds", "新しいシード"},
      {"whatif.variant_from_here", "From here ({time})", "ここから（{time}）"},
      {"whatif.compare_with", "Compare with branch", "比較するブランチ"},
      {"whatif.compare_none", "(none)", "（なし）"},
      {"whatif.run", "Run", "実行"},
      {"whatif.cancel", "Cancel", "中止"},
      {"whatif.progress", "{done} of {total} replications", "{total} 回中 {done} 回"},
      {"whatif.no_result", "No result yet: choose the replications and press Run.",
       "結果はまだありません。反復回数を選んで「実行」を押してください。"},
      {"whatif.failed", "The run failed: {reason}", "実行に失敗しました：{reason}"},
      {"whatif.shown_fresh",
       "Shown: fresh seeds. Replication r runs on seed {seed}, replication r; the decisions are replayed at their times "
       "(one that cannot apply is passed over).",
       "表示中：新しいシード。反復 r はシード {seed}・反復 r で実行し、判断は記録の時刻に再生します（適用できない判断は飛ばします）。"},
      {"whatif.shown_from_here",
       "Shown: from here. The session's run is kept up to {time}; after it every random stream is re-drawn with salt "
       "= replication index.",
       "表示中：ここから。{time} までのセッションの経過はそのままで、それ以降の乱数はすべてソルト＝反復番号で引き直します。"},
      {"whatif.partial", "Cancelled: {done} of {total} replications.", "中止：{total} 回中 {done} 回。"},
      {"whatif.score", "Score", "スコア"},
      {"whatif.time_to_contain", "Time to contain (h)", "封じ込めまでの時間（時間）"},
      {"whatif.incident", "Incident", "インシデント"},
      {"whatif.mean_over_incidents", "mean over the run's incidents", "各反復のインシデントの平均"},
      {"whatif.this_run", "this run: {value}, percentile {percentile}", "この回：{value}、パーセンタイル {percentile}"},
      {"whatif.this_run_censored", "this run: not contained by the end", "この回：終了までに封じ込めなし"},
      {"whatif.not_contained", "not contained: {count}", "封じ込めなし：{count}"},
      {"whatif.deadlines", "P(deadline missed), 95% Wilson interval", "期限超過の確率（95% ウィルソン区間）"},
      {"whatif.deadline", "Deadline", "期限"},
      {"whatif.probability", "P(missed)", "超過確率"},
      {"whatif.interval", "95% interval", "95% 区間"},
      {"whatif.this_run_column", "This run", "この回"},
      {"whatif.missed", "missed", "超過"},
      {"whatif.met", "met", "達成"},
      {"whatif.not_applied", "did not apply", "対象外"},
      {"whatif.compared", "Branch {a} against {b}, on common random numbers (B - A):",
       "ブランチ {a} と {b} の比較（共通乱数、B − A）："},
      {"whatif.metric", "Metric", "指標"},
      {"whatif.difference", "B - A", "B − A"},
  };
  return kEntries;
}

}  // namespace irdrill::text::tables
