//! Helpers shared by the integration tests.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command as Process, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::Command;

/// A site in a temporary folder.
pub struct Site {
    dir: tempfile::TempDir,
}

impl Site {
    /// A copy of `tests/fixtures/<name>`.
    pub fn fixture(name: &str) -> Self {
        let site = Self::empty();
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures")
                .join(name),
            site.root(),
        );
        site
    }

    /// A copy of the example knowledge base of the repository.
    pub fn example() -> Self {
        let site = Self::empty();
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        copy_dir(&repo.join("content"), &site.root().join("content"));
        std::fs::copy(repo.join("tier0.yaml"), site.root().join("tier0.yaml")).unwrap();
        site
    }

    /// An empty folder.
    pub fn empty() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// An empty site whose only language is English.
    pub fn english() -> Self {
        let site = Self::empty();
        site.write(
            "tier0.yaml",
            "default_language: en\nlanguages:\n  - {code: en, name: English}\n",
        );
        site
    }

    /// The site folder.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// `<root>/public`.
    pub fn public(&self) -> PathBuf {
        self.root().join("public")
    }

    /// Adds `strict: true` to its `tier0.yaml`: a problem stops the build.
    pub fn make_strict(&self) {
        let config = self.root().join("tier0.yaml");
        let text = std::fs::read_to_string(&config).unwrap() + "strict: true\n";
        std::fs::write(config, text).unwrap();
    }

    /// Writes `text` to `rel`, creating folders.
    pub fn write(&self, rel: &str, text: impl AsRef<[u8]>) {
        let path = self.root().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// Reads an output file of the default build as text.
    pub fn read_public(&self, rel: &str) -> String {
        std::fs::read_to_string(self.public().join(rel))
            .unwrap_or_else(|e| panic!("public/{rel}: {e}"))
    }

    /// `tier0 <args>` run in the site folder.
    pub fn tier0(&self, args: &[&str]) -> Command {
        let mut cmd = tier0();
        cmd.current_dir(self.root()).args(args);
        cmd
    }
}

/// The `tier0` binary.
pub fn tier0() -> Command {
    Command::cargo_bin("tier0").unwrap()
}

/// Copies `from` into `to` recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Every file under `dir` with its bytes, by `/`-separated relative path.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_str()
                .unwrap()
                .replace('\\', "/");
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// `html` without the spans of code highlighting, for tests that read
/// the text of code blocks (highlighting itself is tested in `code.rs`).
pub fn without_highlighting(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<span class=\"hl-") {
        out.push_str(&rest[..at]);
        rest = rest[at..].split_once('>').map_or("", |(_, after)| after);
        // The span's end: highlighting spans are never nested.
        if let Some((inner, after)) = rest.split_once("</span>") {
            out.push_str(inner);
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// The text of stderr of a finished command.
/// Replaces the first `from` in the file at `path` by `to`; `from` must be there.
pub fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} lacks {from:?}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

pub fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Runs a failing strict build over a site whose `public/` holds an earlier
/// site (which no build wrote, hence `--replace-output`); asserts the exit
/// code `code`, that the earlier site is untouched and that no staging
/// folder is left behind; returns stderr.
pub fn failing_build(site: &Site, code: i32) -> String {
    site.write("public/index.html", "previous good site");
    let output = site
        .tier0(&["build", "--strict", "--replace-output"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(code), "{}", stderr(&output));
    assert_eq!(
        site.read_public("index.html"),
        "previous good site",
        "the previous site must survive"
    );
    let leftovers: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("tier0-"))
        .collect();
    assert!(leftovers.is_empty(), "no staging folder may be left behind");
    stderr(&output)
}

/// `tier0 <args>` in the site folder as an unprivileged user when the tests
/// run as root, for whom file permissions do not apply; `None` when that
/// cannot be done here.
#[cfg(unix)]
pub fn without_privileges(site: &Site, args: &[&str]) -> Option<Command> {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        return Some(site.tier0(args));
    }
    // As root: drop to `nobody` with util-linux's setpriv, if it is there.
    let drop = ["--reuid=65534", "--regid=65534", "--clear-groups"];
    let works = std::process::Command::new("setpriv")
        .args(drop)
        .arg("true")
        .status()
        .is_ok_and(|s| s.success());
    if !works {
        return None;
    }
    // `nobody` must reach the site, which tempfile made private.
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(site.root(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("tier0");
    let mut cmd = std::process::Command::new("setpriv");
    cmd.args(drop).arg(bin).args(args).current_dir(site.root());
    let mut cmd = Command::from_std(cmd);
    cmd.timeout(std::time::Duration::from_secs(60));
    Some(cmd)
}

/// Starts `command` (a tier0 server) in `site`'s folder and reads the
/// `host:port` it announces on the first line of its output.
pub fn spawn_listening(site: &Site, mut command: Process) -> (Child, String) {
    let mut child = command
        .current_dir(site.root())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let address = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_owned();
    (child, address)
}

/// A running `tier0 serve`, stopped when dropped.
pub struct Server {
    child: Child,
    /// `127.0.0.1:<port>`.
    pub address: String,
}

impl Server {
    /// `tier0 serve` on a free port, once its first build is served.
    pub fn start(site: &Site) -> Self {
        Self::start_with(site, &[])
    }

    /// `tier0 serve` with `args` added.
    pub fn start_with(site: &Site, args: &[&str]) -> Self {
        Self::start_with_env(site, args, &[])
    }

    /// `tier0 serve` with `args` added and the environment variables `env` set.
    pub fn start_with_env(site: &Site, args: &[&str], env: &[(&str, &str)]) -> Self {
        let mut command = Process::new(assert_cmd::cargo::cargo_bin("tier0"));
        command
            .args(["serve", "--port", "0", "--quiet"])
            .args(args)
            .envs(env.iter().copied());
        let (child, address) = spawn_listening(site, command);
        let server = Self { child, address };
        server.wait_for(|s| s["generation"].as_u64() >= Some(1));
        server
    }

    /// Sends `request` as written (nothing normalised) and returns (status, headers, body).
    pub fn raw(&self, request: &str) -> (u16, String, Vec<u8>) {
        let mut stream = TcpStream::connect(&self.address).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        stream.write_all(request.as_bytes()).unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        let split = response
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a response head");
        let head = String::from_utf8_lossy(&response[..split]).into_owned();
        let status = head.split(' ').nth(1).unwrap().parse().unwrap();
        (status, head, response[split + 4..].to_vec())
    }

    /// Status and body of `GET path`.
    pub fn get(&self, path: &str) -> (u16, Vec<u8>) {
        let (status, _, body) = self.raw(&format!(
            "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.address
        ));
        (status, body)
    }

    /// The path of the stylesheet the home page links to.
    pub fn stylesheet(&self) -> String {
        let home = String::from_utf8(self.get("/").1).unwrap();
        home.split("href=\"")
            .find(|s| s.starts_with("/static/style."))
            .and_then(|s| s.split('"').next())
            .unwrap()
            .to_owned()
    }

    /// The server's `/__tier0/status`.
    pub fn status(&self) -> serde_json::Value {
        serde_json::from_slice(&self.get("/__tier0/status").1).unwrap()
    }

    /// The status once `done` holds for it (at most a minute).
    pub fn wait_for(&self, done: impl Fn(&serde_json::Value) -> bool) -> serde_json::Value {
        let started = Instant::now();
        loop {
            let status = self.status();
            if done(&status) {
                return status;
            }
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "server never reached the state; last: {status}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until a build newer than `after` is served with its search index.
    pub fn settled_after(&self, after: u64) -> serde_json::Value {
        self.wait_for(|s| {
            let generation = s["generation"].as_u64().unwrap_or(0);
            generation > after && s["search_generation"].as_u64() == Some(generation)
        })
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs `tier0 import zendesk` into `site` on an export of one page,
/// `articles.json` holding `articles` (the Help Center API's answer).
pub fn import_articles(site: &Site, articles: &serde_json::Value) -> std::process::Output {
    let export = Site::empty();
    export.write("articles.json", articles.to_string());
    site.tier0(&["import", "zendesk", export.root().to_str().unwrap()])
        .output()
        .unwrap()
}
