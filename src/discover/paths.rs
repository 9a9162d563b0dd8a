//! Paths as the file system would resolve them, for the paths that may
//! not exist yet: an output folder a build is about to make, a file a page
//! includes that is not written yet.

use std::io;
use std::path::{Component, Path, PathBuf};

/// `path` made absolute, with the part of it that exists free of `.`, `..`
/// and symbolic links, so two spellings of one folder compare equal.
pub fn resolve(path: &Path) -> io::Result<PathBuf> {
    let absolute = std::path::absolute(path).map_err(|e| {
        io::Error::new(
            e.kind(),
            format!("`{}` is not a usable path ({e})", path.display()),
        )
    })?;
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(canonical) = existing.canonicalize() {
            let mut resolved = canonical;
            for part in rest.iter().rev() {
                resolved.push(part);
            }
            return Ok(normalise(&resolved));
        }
        match (existing.parent(), existing.file_name()) {
            (Some(up), Some(name)) => {
                rest.push(name.to_os_string());
                existing = up;
            }
            _ => return Ok(normalise(&absolute)),
        }
    }
}

/// `path` without `.` and with each `..` taking away the folder before it.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}
