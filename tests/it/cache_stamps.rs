//! The build cache keeps a page only while the page in the output is the
//! one the last build wrote, however it was changed since.

use crate::cache::{assert_same_as_clean_build, cached_build, site};

/// Regression: a page rewritten in place with the same length, its
/// modification time then put back (as `cp --preserve=timestamps` or
/// `touch -r` leave it), had the stamp the cache recorded, so the next
/// build kept the changed page where a clean build writes the right one.
#[test]
fn a_page_changed_in_place_with_its_time_put_back_is_rendered_again() {
    let site = site();
    cached_build(&site);
    let page = site.public().join("impresoras/impresora-1/index.html");
    let built = std::fs::read(&page).unwrap();
    let modified = std::fs::metadata(&page).unwrap().modified().unwrap();
    let mut changed = built.clone();
    let at = changed.len() / 2;
    changed[at] = if changed[at] == b' ' { b'\n' } else { b' ' };
    std::fs::write(&page, &changed).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&page)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    assert!(cached_build(&site) > 0, "the other pages are kept");
    assert_eq!(std::fs::read(&page).unwrap(), built);
    assert_same_as_clean_build(&site, "a page changed with its time put back");
}
