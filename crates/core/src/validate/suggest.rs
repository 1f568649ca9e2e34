//! Diagnostics helpers: "did you mean" for misspelt field names (by edit distance), and
//! short quotes of the input for messages.

use crate::diag::Diagnostic;
use crate::json::Map;

/// A warning for each field of `map` that is not in `known`, suggesting the nearest known name.
pub(super) fn warn_unknown(map: &Map<'_>, known: &[&str], path: &str, diagnostics: &mut Vec<Diagnostic>) {
    for key in map.keys() {
        if known.contains(&key) {
            continue;
        }
        let at = if path.is_empty() { clip(key, 60) } else { format!("{path}.{}", clip(key, 60)) };
        let message = match closest(key, known) {
            Some(best) => format!("unknown field, did you mean \"{best}\"?"),
            None => "unknown field; it is ignored".to_string(),
        };
        diagnostics.push(Diagnostic::warning(at, message));
    }
}

/// The known name nearest to `name` by edit distance, if it is close enough to be a typo.
/// Known names are ASCII, so letters compare by ASCII case and distances count bytes.
pub(super) fn closest<'k>(name: &str, known: &[&'k str]) -> Option<&'k str> {
    if name.len() > 40 {
        return None;
    }
    known
        .iter()
        .map(|k| (edit_distance(name.as_bytes(), k.as_bytes()), *k))
        .filter(|(d, k)| *d <= (k.len() / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn edit_distance(a: &[u8], b: &[u8]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(!ca.eq_ignore_ascii_case(cb))).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// The first `max` characters of `s`, with `…` when cut (for quoting input in messages).
pub(crate) fn clip(s: &str, max: usize) -> String {
    let mut out: String = s.chars().take(max).filter(|c| !c.is_control()).collect();
    if s.chars().count() > max {
        out.push('…');
    }
    out
}
