//! Lists that come in pages: [`PAGE_SIZE`] articles a page, the first at
//! the list's own address and the others at `page/2/` and on (as Hugo and
//! Zola number them, [`page_path`]), linked by `rel="prev"` and `rel="next"`
//! and a list of page numbers (`partials/pagination.html`). Tag, tier and
//! category pages use it.
//!
//! In: how many articles a list has and which page is wanted. Out: the
//! page's share of the articles, its path, and its [`Pagination`].

use serde::Serialize;

use super::pages::LanguagePages;
pub(super) use crate::output_paths::{PAGE_SIZE, page_count, page_path};

/// The links between the pages of a list, for `partials/pagination.html`.
#[derive(Debug, Serialize)]
pub(super) struct Pagination {
    /// This page's number, from 1.
    number: usize,
    /// How many pages there are.
    total: usize,
    /// The previous page, if this is not the first.
    previous: Option<String>,
    /// The next page, if this is not the last.
    next: Option<String>,
    /// The first and last pages and those near this one, in order; a gap
    /// between two is an entry without a number.
    pages: Vec<PageNumber>,
}

#[derive(Debug, Serialize)]
struct PageNumber {
    /// `None` for a gap (`…`).
    number: Option<usize>,
    href: String,
    current: bool,
}

/// Pages on each side of the current one that the page list names.
const NEAR: usize = 2;

impl Pagination {
    /// Page `number` of `total`; `href(n)` links to page `n`.
    pub(super) fn new(number: usize, total: usize, href: impl Fn(usize) -> String) -> Self {
        let named = |n: usize| n == 1 || n == total || n.abs_diff(number) <= NEAR;
        let mut pages = Vec::new();
        for n in 1..=total {
            // A gap of one page would take as much room as its number.
            if named(n) || (named(n - 1) && named(n + 1)) {
                pages.push(PageNumber {
                    number: Some(n),
                    href: href(n),
                    current: n == number,
                });
            } else if pages.last().is_some_and(|p| p.number.is_some()) {
                pages.push(PageNumber {
                    number: None,
                    href: String::new(),
                    current: false,
                });
            }
        }
        Self {
            number,
            total,
            previous: (number > 1).then(|| href(number - 1)),
            next: (number < total).then(|| href(number + 1)),
            pages,
        }
    }
}

/// The articles of page `number` (from 1; 0 reads as 1) of `articles`.
pub(super) fn share(articles: &[usize], number: usize) -> &[usize] {
    articles
        .chunks(PAGE_SIZE)
        .nth(number.saturating_sub(1))
        .unwrap_or_default()
}

impl LanguagePages<'_> {
    /// Page `number` of a list titled `title` of `articles`, seen from
    /// `from`; `path(n)` is the site path of page `n`. Returns the page's
    /// title (with "page 2 of 3" after the first), its article summaries and
    /// its pagination.
    pub(super) fn paginated(
        &self,
        title: String,
        articles: &[usize],
        number: usize,
        from: &str,
        path: impl Fn(usize) -> String,
    ) -> (String, Vec<super::context::ArticleSummary>, Pagination) {
        let total = page_count(articles.len());
        let title = if number > 1 {
            let of = self
                .text
                .get("page_of")
                .replace("{page}", &number.to_string())
                .replace("{total}", &total.to_string());
            format!("{title} · {of}")
        } else {
            title
        };
        let shown = share(articles, number)
            .iter()
            .map(|&i| self.summary(from, i))
            .collect();
        let pagination = Pagination::new(number, total, |n| self.href(from, &path(n)));
        (title, shown, pagination)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(p: &Pagination) -> Vec<Option<usize>> {
        p.pages.iter().map(|p| p.number).collect()
    }

    #[test]
    fn a_page_shows_its_share_and_says_which_it_is() {
        let items: Vec<usize> = (0..65).collect();
        assert_eq!(share(&items, 1), &items[..30]);
        assert_eq!(share(&items, 3), &items[60..]);
        assert!(share(&items, 4).is_empty());
        assert_eq!(share(&items, 0), &items[..30]);
    }

    #[test]
    fn the_page_list_names_the_ends_and_the_near_pages() {
        let href = |n: usize| format!("p{n}");
        let single = Pagination::new(1, 1, href);
        assert_eq!((&single.previous, &single.next), (&None, &None));
        assert_eq!(numbers(&single), [Some(1)]);

        let first = Pagination::new(1, 9, href);
        assert_eq!(first.previous, None);
        assert_eq!(first.next.as_deref(), Some("p2"));
        assert_eq!(numbers(&first), [Some(1), Some(2), Some(3), None, Some(9)]);

        let middle = Pagination::new(6, 12, href);
        assert_eq!(middle.previous.as_deref(), Some("p5"));
        assert_eq!(middle.next.as_deref(), Some("p7"));
        let expected = [
            Some(1),
            None,
            Some(4),
            Some(5),
            Some(6),
            Some(7),
            Some(8),
            None,
            Some(12),
        ];
        assert_eq!(numbers(&middle), expected);
        assert_eq!(middle.pages.iter().filter(|p| p.current).count(), 1);
        assert!(middle.pages[4].current);

        let last = Pagination::new(9, 9, href);
        assert_eq!(last.next, None);
        assert_eq!(numbers(&last), [Some(1), None, Some(7), Some(8), Some(9)]);

        // A gap of a single page shows that page instead.
        let near = Pagination::new(5, 9, href);
        assert_eq!(numbers(&near), (1..=9).map(Some).collect::<Vec<_>>());
    }
}
