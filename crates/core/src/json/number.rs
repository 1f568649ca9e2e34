//! A JSON number, kept as its text and read exactly with integers: years, runtimes and
//! half-star ratings need no floating point, and none is compiled into the browser bundle.

use std::borrow::Cow;
use std::fmt;

/// A number as written in the document (`1994`, `3.5`, `4.0`, `7e1`), checked against JSON's grammar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Number<'a>(pub(super) Cow<'a, str>);

/// The largest magnitude [`Number::whole`] and [`Number::times`] answer for.
const LIMIT: u128 = 1_000_000_000_000_000;

/// `mantissa × 10^exponent`, with the mantissa's trailing zeros moved into the exponent.
struct Decimal {
    negative: bool,
    mantissa: u128,
    exponent: i32,
}

impl<'a> Number<'a> {
    /// The number's text, as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The value if it is a whole number within ±10^15: `1994`, `1994.0` and `1.994e3` alike.
    pub fn whole(&self) -> Option<i64> {
        self.times(1)
    }

    /// `k ×` the value, if that is a whole number within ±10^15: with `k = 2`, a rating's
    /// count of half stars (`3.5` → 7), and `None` for `3.3`.
    pub fn times(&self, k: u8) -> Option<i64> {
        // Most numbers in a dataset are plain whole numbers (years, runtimes): read at once.
        let text = self.0.as_bytes();
        if (1..=15).contains(&text.len()) && text.iter().all(u8::is_ascii_digit) {
            let value = text.iter().fold(0u64, |v, &b| v * 10 + u64::from(b - b'0')) * u64::from(k);
            return i64::try_from(value).ok().filter(|&v| v.unsigned_abs() <= LIMIT as u64);
        }
        self.times_exact(k)
    }

    /// [`Number::times`] for any number, through its exact decimal value.
    pub(super) fn times_exact(&self, k: u8) -> Option<i64> {
        let d = self.decimal()?;
        let scaled = d.mantissa.checked_mul(u128::from(k))?;
        let magnitude = match d.exponent {
            0.. => scaled.checked_mul(10u128.checked_pow(d.exponent.unsigned_abs())?)?,
            e => {
                let divisor = 10u128.checked_pow(e.unsigned_abs())?;
                if scaled % divisor != 0 {
                    return None;
                }
                scaled / divisor
            }
        };
        let magnitude = i64::try_from(magnitude).ok().filter(|&m| u128::from(m.unsigned_abs()) <= LIMIT)?;
        Some(if d.negative { -magnitude } else { magnitude })
    }

    /// Whether `lo ≤ k × value ≤ hi`, for a range check whether or not the value is whole.
    pub fn times_within(&self, k: u8, lo: u64, hi: u64) -> bool {
        let Some(d) = self.decimal() else { return false };
        if d.negative && d.mantissa != 0 {
            return false;
        }
        let scaled = d.mantissa * u128::from(k);
        let (lo, hi) = (u128::from(lo), u128::from(hi));
        match d.exponent {
            0.. => match 10u128.checked_pow(d.exponent.unsigned_abs()).and_then(|p| scaled.checked_mul(p)) {
                Some(v) => (lo..=hi).contains(&v),
                None => false,
            },
            e => match 10u128.checked_pow(e.unsigned_abs()) {
                // lo ≤ scaled / p ≤ hi, in integers: lo·p ≤ scaled ≤ hi·p.
                Some(p) => lo.saturating_mul(p) <= scaled && scaled <= hi.saturating_mul(p),
                None => lo == 0,
            },
        }
    }

    /// The exact decimal value; `None` past 30 significant digits or an absurd exponent.
    fn decimal(&self) -> Option<Decimal> {
        let text = self.0.as_bytes();
        let (negative, text) = match text.split_first() {
            Some((b'-', rest)) => (true, rest),
            _ => (false, text),
        };
        let (mut mantissa, mut exponent, mut digits) = (0u128, 0i32, 0u32);
        let mut i = 0;
        let mut after_point = false;
        while let Some(&b) = text.get(i) {
            match b {
                b'0'..=b'9' => {
                    if mantissa != 0 || b != b'0' {
                        digits += 1;
                        if digits > 30 {
                            return None;
                        }
                    }
                    mantissa = mantissa * 10 + u128::from(b - b'0');
                    if after_point {
                        exponent -= 1;
                    }
                }
                b'.' => after_point = true,
                b'e' | b'E' => break,
                _ => return None,
            }
            i += 1;
        }
        if mantissa == 0 {
            return Some(Decimal { negative, mantissa, exponent: 0 });
        }
        if let Some(e) = text.get(i + 1..) {
            let (sign, digits) = match e.split_first() {
                Some((b'-', rest)) => (-1, rest),
                Some((b'+', rest)) => (1, rest),
                _ => (1, e),
            };
            // Saturating: an exponent this large answers `None` either way.
            let e = digits.iter().fold(0i32, |e, &d| (e * 10 + i32::from(d - b'0')).min(100_000));
            if e >= 10_000 {
                return None;
            }
            exponent += sign * e;
        }
        while mantissa % 10 == 0 {
            mantissa /= 10;
            exponent += 1;
        }
        Some(Decimal { negative, mantissa, exponent })
    }
}

impl fmt::Display for Number<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
