//! Rebuilds the binary when a file is added to or changed in the folders it
//! embeds (`include_dir!` alone does not notice new files).

fn main() {
    for dir in ["themes/default", "scaffold", "templates"] {
        println!("cargo:rerun-if-changed={dir}");
    }
}
