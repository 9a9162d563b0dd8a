//! Numbers as text (FORMAT.md, "Numbers as text"): how the postings, the
//! tails and the filters write their integers inside JSON strings.
//!
//! In: unsigned 32-bit integers. Out: each as one to seven digits of a
//! 64-letter alphabet, least significant five bits first; a digit below 32
//! ends the number, one from 32 up carries five bits and says more follow.
//!
//! Why (format 8): formats 1 to 7 wrote LEB128 bytes in base64. Base64
//! cuts every three bytes into four letters across byte boundaries, so the
//! letters of a number depend on its neighbours and gzip, which the hosts
//! serve these files with, finds fewer repeats and codes each letter with
//! about six bits whatever the numbers are. One letter per five bits of
//! one number keeps small numbers one letter each, the same letter for the
//! same value: the postings shards of a 100,000-article site got 5 % smaller
//! over the wire, the tails 13 % (measured on gzip -9, BENCHMARKS.md).

/// The digits: a digit `d < 32` ends a number with the bits `d`; `32 + d`
/// carries the bits `d` and says more follow.
const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// The value of each ASCII byte as a digit; [`NONE`] for a byte that is not one.
const VALUE: [u8; 128] = positions(DIGITS);

/// What [`positions`] gives a byte that is not in its alphabet.
pub(super) const NONE: u8 = 0xFF;

/// For each ASCII byte, its position in `alphabet` (at most 255 bytes
/// long); [`NONE`] for a byte that is not in it.
pub(super) const fn positions(alphabet: &[u8]) -> [u8; 128] {
    let mut table = [NONE; 128];
    let mut i = 0;
    while i < alphabet.len() {
        table[alphabet[i] as usize] = i as u8;
        i += 1;
    }
    table
}

/// Appends `value` as text.
pub fn put_number(out: &mut Vec<u8>, mut value: u32) {
    while value >= 32 {
        out.push(DIGITS[32 + (value & 31) as usize]);
        value >>= 5;
    }
    out.push(DIGITS[value as usize]);
}

/// The number written at `*at` of `text`, moving past it; `None` when the
/// text ends inside it, holds a byte that is not a digit, or the number
/// does not fit 32 bits.
pub fn read_number(text: &[u8], at: &mut usize) -> Option<u32> {
    let mut value: u64 = 0;
    for shift in (0..35).step_by(5) {
        let digit = *VALUE.get(usize::from(*text.get(*at)?))?;
        if digit == NONE {
            return None;
        }
        *at += 1;
        value |= u64::from(digit & 31) << shift;
        if digit < 32 {
            return u32::try_from(value).ok();
        }
    }
    None
}

/// Every number of `text`; `None` when anything in it is malformed.
pub fn read_numbers(text: &str) -> Option<Vec<u32>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        out.push(read_number(bytes, &mut at)?);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(values: &[u32]) -> String {
        let mut out = Vec::new();
        for &v in values {
            put_number(&mut out, v);
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn numbers_come_back_and_small_ones_take_one_letter() {
        let values = [0, 1, 31, 32, 1023, 1024, 70_000, u32::MAX - 1, u32::MAX];
        assert_eq!(read_numbers(&text(&values)), Some(values.to_vec()));
        assert_eq!(text(&[0, 1, 31]), "ABf");
        assert_eq!(text(&[32]), "gB");
        assert_eq!(text(&[u32::MAX]), "//////D");
        assert_eq!(read_numbers(""), Some(vec![]));
    }

    #[test]
    fn malformed_numbers_are_refused() {
        // Ends inside a number; not a digit; over 32 bits; past 7 digits.
        for bad in ["g", "A=", "AB C", "é", "//////E", "gggggggA"] {
            assert_eq!(read_numbers(bad), None, "{bad}");
        }
    }
}
