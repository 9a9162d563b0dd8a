// Tests of searchSession: when a search counts as ended (QUERY.md).
// Run with the engine's other tests: `search-index/js/test/run.sh`.

import { test } from "node:test";
import assert from "node:assert/strict";

import { searchSession } from "../tier0-search.js";

const results = (...ids) => ids.map((id) => ({ id }));

function recorder(idleMs = 3000) {
  const ended = [];
  return { ended, session: searchSession((e) => ended.push(e), idleMs) };
}

test("the queries typed on the way to a search are never reported", (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const { ended, session } = recorder();
  for (const q of ["c", "co", "con", "cont"]) {
    session.searched(q, results("KB-1"), 1);
    t.mock.timers.tick(500);
  }
  session.searched("contraseña", results("KB-1", "KB-2"), 2);
  session.end();
  assert.deepEqual(ended, [], "a search still being typed has not ended");
  t.mock.timers.tick(3000);
  session.end();
  assert.deepEqual(ended, [{ query: "contraseña", results: 2 }]);
  session.end();
  assert.equal(ended.length, 1, "a search ends once");
});

test("opening a result ends the search with its id and rank, settled or not", () => {
  const { ended, session } = recorder();
  session.searched("  vpn  ", results("KB-7", "KB-9"), 12);
  session.end(1);
  assert.deepEqual(ended, [{ query: "vpn", results: 12, clicked: "KB-9", rank: 2 }]);
});

test("a settled search is reported when the reader goes on to another query", (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const { ended, session } = recorder();
  session.searched("impresora", results("KB-3"), 1, true);
  session.searched("impresora", results("KB-3"), 1);
  assert.deepEqual(ended, [], "the same query again is the same search");
  session.settle();
  session.searched("escáner", [], 0);
  assert.deepEqual(ended, [{ query: "impresora", results: 1 }]);
  t.mock.timers.tick(3000);
  session.end(5);
  assert.deepEqual(ended[1], { query: "escáner", results: 0 }, "a rank past the results is no click");
});

test("a dropped or emptied search is never reported", (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const { ended, session } = recorder(10);
  session.searched("outlook", results("KB-4"), 1, true);
  session.drop();
  session.end();
  session.searched("outlook", results("KB-4"), 1, true);
  session.searched("   ", [], 0);
  t.mock.timers.tick(10);
  session.end();
  assert.deepEqual(ended, [{ query: "outlook", results: 1 }], "emptying the box ends the settled search");
});
