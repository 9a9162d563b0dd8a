//! Edit distances over UTF-16 code units, as the browser engine counts:
//! what a misspelled word is corrected by (QUERY.md, "Planning", *typo*).

/// Optimal-string-alignment distance over UTF-16 code units, or `max + 1`
/// once it exceeds `max`.
pub fn edit_distance(a: &str, b: &str, max: usize) -> usize {
    osa_distance(a, b, max, false)
}

/// The [`edit_distance`] of `a` to the closest beginning of `b` (`gthu` is
/// one from `githu` of `github`), or `max + 1` once it exceeds `max`.
pub fn prefix_distance(a: &str, b: &str, max: usize) -> usize {
    osa_distance(a, b, max, true)
}

fn osa_distance(a: &str, b: &str, max: usize, prefix: bool) -> usize {
    let a: Vec<u16> = a.encode_utf16().collect();
    let mut b: Vec<u16> = b.encode_utf16().collect();
    if prefix {
        b.truncate(a.len() + max);
    }
    let too_far = if prefix {
        b.len() + max < a.len()
    } else {
        a.len().abs_diff(b.len()) > max
    };
    if too_far {
        return max + 1;
    }
    let width = b.len() + 1;
    let mut rows = vec![vec![0usize; width]; 3];
    for (j, cell) in rows[1].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        let (prev2, prev, cur) = (0, 1, 2);
        rows[cur][0] = i;
        let mut row_min = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (rows[prev][j] + 1)
                .min(rows[cur][j - 1] + 1)
                .min(rows[prev][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(rows[prev2][j - 2] + 1);
            }
            rows[cur][j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return max + 1;
        }
        rows.rotate_left(1);
    }
    if prefix {
        let last = &rows[1];
        last[a.len().saturating_sub(max)..]
            .iter()
            .copied()
            .min()
            .unwrap_or(max + 1)
    } else {
        rows[1][b.len()]
    }
}
