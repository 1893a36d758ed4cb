/*
 * Văn kiện — the archive's search, in the browser.
 *
 * The same pipeline as plugins/vankien/search/pipeline.py, and the scoring index.py describes,
 * mirrored in Python by tests/support/search_oracle.py: a change to either side must be made on
 * the other (the browser tests run the same cases and rankings through both). The index is prebuilt:
 * search/catalogue.json (loaded when search starts), search/shards/<n>.json (body postings,
 * fetched per query term), search/text/<n>.txt (a document's text, fetched for snippets).
 * Every URL is relative to this script, so the site works from a sub-path.
 */
(function () {
  "use strict";

  // ---- pipeline (pipeline.py) ------------------------------------------------------------
  // CONFIG is written into this file when the site is built: the search page's folder and the
  // normalisation, folding and symbol rules generated from the Python tables, so the browser
  // and the index can never disagree on them.
  var CONFIG = /*vankien:config*/{};
  var RULES = CONFIG.rules;
  if (!RULES) throw new Error("vankien-search.js: CONFIG missing (served without the site build?)");
  var LOOKALIKES = new RegExp("[" + Object.keys(RULES.lookalikes).join("") + "]", "g");
  var DASHES = new RegExp("[" + RULES.dashes + "]", "g");
  var MARKS = new RegExp("[" + RULES.marks + "]", "g");
  var L = "\\p{L}";
  var SYMBOL = new RegExp(
    "(?<![\\p{L}\\p{N}_/-])(\\p{Nd}{1,5})(?:\\s*-\\s*(" + L + "{1,6})\\s*/\\s*(" + L + "{1,12})" +
    "|/(?:(\\p{Nd}{4})/)?(" + L + "{1,6})-(" + L + "{1,12})" +
    "|\\s+(" + L + "{1,5})\\s+(" + L + "{1,12}))(?![\\p{L}\\p{N}_/-])", "gu");
  var WORD = /[\p{L}\p{N}]+/gu;
  var LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
  var TYPE_CODES = {};
  RULES.typeCodes.forEach(function (c) { TYPE_CODES[c] = true; });
  var PARTY_ISSUER = new RegExp("(" + RULES.partyIssuers.join("|") + ")$");
  var MAX_QUERY = RULES.maxQuery;
  var MAX_QUERY_TOKENS = RULES.maxQueryTokens;

  function normalize(text) {
    return text.normalize("NFC").replace(LOOKALIKES, function (c) { return RULES.lookalikes[c]; })
      .replace(DASHES, "-");
  }
  function fold(text) {
    return normalize(text).toLowerCase().replace(/\u0111/g, "d")
      .normalize("NFD").replace(MARKS, "").normalize("NFC");
  }
  function lstripZeros(n) { var s = n.replace(/^0+/, ""); return s || "0"; }
  function symbolToken(m) {
    var number = lstripZeros(m[1]);
    if (m[2]) return number + "-" + fold(m[2]) + "/" + fold(m[3]);
    if (m[5]) {
      var code = fold(m[5]), issuer = fold(m[6]);
      if (m[4]) return number + "/" + m[4] + "/" + code + "-" + issuer;
      if (PARTY_ISSUER.test(issuer)) return number + "-" + code + "/" + issuer;
      return number + "/" + code + "-" + issuer;
    }
    var c = fold(m[7]), i = fold(m[8]);
    if (TYPE_CODES[c] && PARTY_ISSUER.test(i)) return number + "-" + c + "/" + i;
    return null;
  }
  // Python counts offsets in code points, JavaScript in UTF-16 units: offsets here are
  // only used in this file (snippets), tokens themselves are identical.
  // withoutFolding: only the token texts are wanted (the exact-accent bonus); folding every
  // word is what a query over thousands of titles would otherwise pay for.
  function tokenize(text, withoutFolding) {
    text = normalize(text);
    var tokens = [], spans = [], m;
    SYMBOL.lastIndex = 0;
    while ((m = SYMBOL.exec(text)) !== null) {
      var sym = symbolToken(m);
      if (sym !== null) {
        tokens.push({ text: sym, folded: sym, symbol: true, start: m.index, end: m.index + m[0].length });
        spans.push([m.index, m.index + m[0].length]);
      }
    }
    var rest = text;
    if (spans.length) {
      var pieces = [], last = 0;
      spans.forEach(function (s) { pieces.push(text.slice(last, s[0]) + " ".repeat(s[1] - s[0])); last = s[1]; });
      pieces.push(text.slice(last));
      rest = pieces.join("");
    }
    WORD.lastIndex = 0;
    while ((m = WORD.exec(rest)) !== null) {
      var word = m[0].toLowerCase();
      tokens.push({ text: word, folded: withoutFolding ? word : fold(word), symbol: false, start: m.index, end: m.index + m[0].length });
    }
    tokens.sort(function (a, b) { return a.start - b.start; });
    return tokens;
  }
  function queryTokens(query) {
    var tokens = tokenize(Array.from(String(query)).slice(0, MAX_QUERY).join(""));
    var seen = {}, out = [];
    tokens.forEach(function (t) {
      var key = (t.symbol ? "s:" : "w:") + t.text;
      if (!seen[key]) { seen[key] = true; out.push(t); }
    });
    return out.slice(0, MAX_QUERY_TOKENS);
  }
  // Runs of two or more consecutive words of the query, folded; a symbol ends a run.
  function queryPhrases(query) {
    var tokens = tokenize(Array.from(String(query)).slice(0, MAX_QUERY).join("")).slice(0, MAX_QUERY_TOKENS);
    var runs = [], run = [];
    tokens.concat([null]).forEach(function (t) {
      if (t === null || t.symbol) {
        if (run.length >= 2) runs.push(run);
        run = [];
      } else {
        run.push(t.folded);
      }
    });
    return runs;
  }
  // The folded words of a text between single spaces, a space at each end.
  function phraseText(text) {
    return " " + (fold(text).match(WORD) || []).join(" ") + " ";
  }

  // ---- index and scoring (index.py) -------------------------------------------------------
  // Boosts and weights come with the catalogue (index.py writes them), never from a copy here.
  // Columns of a document in the catalogue, and the named values a document carries:
  // [catalogue list, column, boost, several values per document].
  var COLUMN = { url: 0, type: 1, symbol: 2, date: 3, issuer: 4, title: 5, status: 6, topics: 7, signer: 8 };
  var FIELDS = [["issuers", COLUMN.issuer, "issuer", false], ["types", COLUMN.type, "type", false],
    ["topics", COLUMN.topics, "topics", true]];
  var YEAR = /^[0-9]{4}$/;
  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  function round4(v) { return Math.floor(v * 10000 + 0.5) / 10000; }
  function idf(n, df) { return df ? round4(Math.log(1 + n / df)) : 0; }
  function fnv1a(text) {
    var h = 0x811c9dc5;
    for (var ch of text) { h ^= ch.codePointAt(0); h = Math.imul(h, 0x01000193) >>> 0; }
    return h >>> 0;
  }
  function decode(text) {
    var out = [], cur = 0;
    text.split(",").forEach(function (p) { if (p) { cur += parseInt(p, 36); out.push(cur); } });
    return out;
  }
  function withinOneEdit(a, b) {
    var la = a.length, lb = b.length, i;
    if (Math.abs(la - lb) > 1 || a === b) return false;
    if (la === lb) {
      var diff = [];
      for (i = 0; i < la; i++) if (a[i] !== b[i]) diff.push(i);
      if (diff.length === 1) return true;
      return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
    }
    if (la > lb) { var t = a; a = b; b = t; }
    i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    return a.slice(i) === b.slice(i + 1);
  }
  function cmpCodePoints(a, b) {
    var x = Array.from(a), y = Array.from(b), n = Math.min(x.length, y.length);
    for (var i = 0; i < n; i++) {
      var d = x[i].codePointAt(0) - y[i].codePointAt(0);
      if (d) return d;
    }
    return x.length - y.length;
  }

  function Searcher(cat, loadShard) {
    var self = this;
    this.cat = cat; this.docs = cat.docs; this.n = cat.docs.length; this.loadShard = loadShard;
    this.scoring = cat.scoring; this.B = cat.scoring.boosts;
    this.shards = {}; this.titlePost = {}; this.symbolPost = {};
    Object.keys(cat.title).forEach(function (k) { self.titlePost[k] = decode(cat.title[k]); });
    Object.keys(cat.symbols).forEach(function (k) { self.symbolPost[k] = decode(cat.symbols[k]); });
    var numbers = {};
    Object.keys(this.symbolPost).forEach(function (k) {
      var num = k.split(/[-/]/)[0];
      numbers[num] = numbers[num] || {};
      self.symbolPost[k].forEach(function (d) { numbers[num][d] = true; });
    });
    this.numberPost = {};
    Object.keys(numbers).forEach(function (k) {
      self.numberPost[k] = Object.keys(numbers[k]).map(Number).sort(function (a, b) { return a - b; });
    });
    this.stop = {}; cat.stop.forEach(function (t) { self.stop[t] = true; });
    this.fieldWords = {}; this.fieldDf = {}; this.docsByValue = {};
    FIELDS.forEach(function (f) {
      var words = cat[f[0]].map(function (v) {
        var s = {}; tokenize(v).forEach(function (t) { s[t.folded] = true; }); return s;
      });
      var counts = {}, byValue = words.map(function () { return []; });
      self.docs.forEach(function (doc, n) {
        var ids = f[3] ? doc[f[1]] : [doc[f[1]]], seen = {};
        ids.forEach(function (i) { byValue[i].push(n); Object.keys(words[i]).forEach(function (w) { seen[w] = true; }); });
        Object.keys(seen).forEach(function (w) { counts[w] = (counts[w] || 0) + 1; });
      });
      self.fieldWords[f[0]] = words; self.fieldDf[f[0]] = counts; self.docsByValue[f[0]] = byValue;
    });
    var vocab = {};
    Object.keys(this.titlePost).forEach(function (t) { vocab[t] = true; });
    FIELDS.forEach(function (f) {
      self.fieldWords[f[0]].forEach(function (ws) { Object.keys(ws).forEach(function (w) { vocab[w] = true; }); });
    });
    this.vocabulary = Object.keys(vocab).sort(cmpCodePoints);
    this.titleWords = null; this.titlePhrases = {};
    // Signers' names as phrase texts, their documents, and per word how many documents' signer
    // has it in his name.
    this.signerTexts = cat.signers.map(phraseText);
    this.docsBySigner = cat.signers.map(function () { return []; });
    this.docs.forEach(function (doc, n) { if (doc[COLUMN.signer] !== null) self.docsBySigner[doc[COLUMN.signer]].push(n); });
    this.signerDf = {};
    this.signerTexts.forEach(function (text, i) {
      var seen = {};
      text.trim().split(" ").forEach(function (w) {
        if (w && !seen[w]) { seen[w] = true; self.signerDf[w] = (self.signerDf[w] || 0) + self.docsBySigner[i].length; }
      });
    });
    // "2012" -> the documents dated that year.
    this.yearPost = {};
    this.docs.forEach(function (doc, n) {
      if (doc[COLUMN.date]) { var y = String(doc[COLUMN.date]).slice(0, 4); (self.yearPost[y] = self.yearPost[y] || []).push(n); }
    });
  }
  Searcher.prototype.known = function (term) {
    var self = this;
    return has(this.titlePost, term) ||
      FIELDS.some(function (f) { return (self.fieldDf[f[0]][term] || 0) > 0; }) ||
      (this.signerDf[term] || 0) > 0 || this.years(term).length > 0;
  };
  // The documents of the year `term` names (four digits), else none.
  Searcher.prototype.years = function (term) {
    return YEAR.test(term) && has(this.yearPost, term) ? this.yearPost[term] : [];
  };
  Searcher.prototype.expand = function (tokens) {
    var self = this;
    return tokens.map(function (token, i) {
      var alts = [{ term: token.folded, weight: 1 }];
      if (!token.symbol && !self.known(token.folded)) {
        if (Array.from(token.folded).length >= 4) {
          alts = alts.concat(self.vocabulary.filter(function (t) { return withinOneEdit(token.folded, t); })
            .slice(0, 8).map(function (t) { return { term: t, weight: self.scoring.fuzzyWeight }; }));
        }
        if (i === tokens.length - 1 && Array.from(token.folded).length >= 2) {
          alts = alts.concat(self.vocabulary.filter(function (t) { return t.startsWith(token.folded); })
            .slice(0, 20).map(function (t) { return { term: t, weight: self.scoring.prefixWeight }; }));
        }
      }
      return { token: token, alts: alts };
    });
  };
  Searcher.prototype.shardOf = function (term) { return fnv1a(term) % this.cat.shards; };
  // Shards the full-text phase needs for this query (not yet loaded).
  Searcher.prototype.neededShards = function (query) {
    var self = this, need = {};
    this.expand(queryTokens(query)).forEach(function (q) {
      q.alts.forEach(function (a) {
        if (!self.stop[a.term]) { var s = self.shardOf(a.term); if (!self.shards[s]) need[s] = true; }
      });
    });
    return Object.keys(need).map(Number);
  };
  Searcher.prototype.body = function (term) {
    var shard = this.shards[this.shardOf(term)];
    var raw = shard && Object.prototype.hasOwnProperty.call(shard, term) ? shard[term] : null;
    if (!raw) return null;
    var parts = raw.split(";");
    return { numbers: decode(parts[0]), weights: parts[1].split(",").map(function (w) { return parseInt(w, 36); }) };
  };
  Searcher.prototype.titleLower = function (n) {
    if (!this.titlesLower) this.titlesLower = {};
    if (this.titlesLower[n] === undefined) this.titlesLower[n] = normalize(String(this.docs[n][COLUMN.title])).toLowerCase();
    return this.titlesLower[n];
  };
  // Is `word` one of the title's word tokens? Word tokens are maximal letter/digit runs, so for
  // a title without digits (where no symbol can stand) a bounded substring match is the same
  // answer as tokenizing the title, at a fraction of the cost; other titles are tokenized.
  Searcher.prototype.titleHasWord = function (n, word) {
    var title = this.titleLower(n), at = title.indexOf(word);
    if (at < 0) return false;
    if (/[0-9]/.test(title)) return !!this.titleWordSet(n)[word];
    while (at >= 0) {
      var before = at > 0 ? title.charAt(at - 1) : "", after = title.charAt(at + word.length);
      if (!LETTER_OR_DIGIT.test(before) && !LETTER_OR_DIGIT.test(after)) return true;
      at = title.indexOf(word, at + 1);
    }
    return false;
  };
  Searcher.prototype.titleWordSet = function (n) {
    if (!this.titleWords) this.titleWords = {};
    if (!this.titleWords[n]) {
      var s = {};
      tokenize(String(this.docs[n][COLUMN.title]), true).forEach(function (t) { s[t.text] = true; });
      this.titleWords[n] = s;
    }
    return this.titleWords[n];
  };
  // A signer is named when two or more consecutive words of a phrase of the query stand
  // consecutively in his name ("Cù Ngọc Cường", "ngoc cuong"): one word alone is too often another
  // word folded the same ("Đặng" and "Đảng" are both "dang"). Returns word -> signers it names.
  Searcher.prototype.signerMatches = function (phrases) {
    var self = this, found = {};
    phrases.forEach(function (words) {
      self.signerTexts.forEach(function (text, s) {
        for (var i = 0; i + 1 < words.length; i++) {
          var j = i + 1;
          while (j < words.length && text.indexOf(" " + words.slice(i, j + 1).join(" ") + " ") >= 0) j++;
          for (var k = i; j > i + 1 && k < j; k++) {
            found[words[k]] = found[words[k]] || {};
            found[words[k]][s] = true;
          }
        }
      });
    });
    var out = {};
    Object.keys(found).forEach(function (w) { out[w] = Object.keys(found[w]).map(Number).sort(function (a, b) { return a - b; }); });
    return out;
  };
  Searcher.prototype.termScores = function (term, token, fullText, signerWords) {
    var self = this, out = new Map(), n;
    function add(k, v) { out.set(k, (out.get(k) || 0) + v); }
    if (token.symbol) {
      (this.symbolPost[term] || []).forEach(function (k) { add(k, self.B.symbol); });
      if (!fullText) return roundMap(out);
    } else {
      var postings = Object.prototype.hasOwnProperty.call(this.titlePost, term) ? this.titlePost[term] : [];
      if (postings.length) {
        var weight = this.B.title * idf(this.n, postings.length);
        var exact = token.text !== token.folded && term === token.folded;
        postings.forEach(function (k) {
          add(k, weight);
          if (exact && self.titleHasWord(k, token.text)) add(k, self.scoring.exactBonus * idf(self.n, postings.length));
        });
      }
      var numbered = /^[0-9]+$/.test(term) ? (this.numberPost[lstripZeros(term)] || []) : [];
      if (numbered.length) {
        var nw = this.B.number * idf(this.n, numbered.length);
        numbered.forEach(function (k) { add(k, nw); });
      }
      var dated = this.years(term);
      if (dated.length) {
        var yw = this.B.year * idf(this.n, dated.length);
        dated.forEach(function (k) { add(k, yw); });
      }
      FIELDS.forEach(function (f) {
        var df = self.fieldDf[f[0]][term] || 0;
        if (!df) return;
        // Each document once, even when two of its topics contain the term (as the oracle does).
        var w = self.B[f[2]] * idf(self.n, df), words = self.fieldWords[f[0]], hit = new Set();
        words.forEach(function (ws, i) {
          if (ws[term]) self.docsByValue[f[0]][i].forEach(function (k) { hit.add(k); });
        });
        hit.forEach(function (k) { add(k, w); });
      });
      if (signerWords && has(signerWords, term)) {
        var sw = this.B.signer * idf(this.n, this.signerDf[term]), signed = new Set();
        signerWords[term].forEach(function (i) { self.docsBySigner[i].forEach(function (k) { signed.add(k); }); });
        signed.forEach(function (k) { add(k, sw); });
      }
    }
    if (fullText && !this.stop[term]) {
      var b = this.body(term);
      if (b) {
        var bw = this.B.body * idf(this.n, b.numbers.length);
        for (var j = 0; j < b.numbers.length; j++) add(b.numbers[j], bw * b.weights[j] / 100);
      }
    }
    return roundMap(out);
  };
  function roundMap(m) { m.forEach(function (v, k) { m.set(k, round4(v)); }); return m; }

  Searcher.prototype.titlePhrase = function (n) {
    if (this.titlePhrases[n] === undefined) this.titlePhrases[n] = phraseText(String(this.docs[n][COLUMN.title]));
    return this.titlePhrases[n];
  };
  // For each document whose title holds two or more consecutive words of a phrase of the query,
  // the phrase boost times the title idf of the run's words, times the share of the phrase's
  // words the run holds, squared (like coverage); the best run counts.
  Searcher.prototype.phraseBonus = function (phrases) {
    var self = this, best = new Map();
    phrases.forEach(function (words) {
      var idfs = words.map(function (w) { return has(self.titlePost, w) ? idf(self.n, self.titlePost[w].length) : 0; });
      var candidates = new Set();
      for (var p = 0; p + 1 < words.length; p++) {
        var a = has(self.titlePost, words[p]) ? self.titlePost[words[p]] : [];
        var b = has(self.titlePost, words[p + 1]) ? new Set(self.titlePost[words[p + 1]]) : new Set();
        a.forEach(function (k) { if (b.has(k)) candidates.add(k); });
      }
      candidates.forEach(function (n) {
        var title = self.titlePhrase(n);
        for (var i = 0; i + 1 < words.length; i++) {
          var j = i + 1, total = idfs[i];
          while (j < words.length && title.indexOf(" " + words.slice(i, j + 1).join(" ") + " ") >= 0) {
            total += idfs[j];
            j++;
          }
          if (j > i + 1) {
            var share = (j - i) / words.length;
            var value = round4(self.B.phrase * total * share * share);
            if (value > (best.get(n) || 0)) best.set(n, value);
          }
        }
      });
    });
    return best;
  };

  Searcher.prototype.allowed = function (filters) {
    var cat = this.cat, f = filters || {};
    return this.docs.map(function (doc) {
      if (f.type && cat.types[doc[COLUMN.type]] !== f.type) return false;
      if (f.issuer && cat.issuers[doc[COLUMN.issuer]] !== f.issuer) return false;
      if (f.status && cat.statuses[doc[COLUMN.status]] !== f.status) return false;
      var year = doc[COLUMN.date] ? parseInt(String(doc[COLUMN.date]).slice(0, 4), 10) : null;
      if (f.from && (year === null || year < f.from)) return false;
      if (f.to && (year === null || year > f.to)) return false;
      return true;
    });
  };
  Searcher.prototype.search = function (query, filters, fullText, limit) {
    var self = this, tokens, phrases, allowed = this.allowed(filters);
    limit = limit || 50;
    try { tokens = queryTokens(query); phrases = queryPhrases(query); } catch (e) { tokens = []; phrases = []; }
    var ranked = [];
    if (!tokens.length) {
      for (var k = 0; k < this.n && ranked.length < limit; k++) if (allowed[k]) ranked.push({ n: k, score: 0 });
      return { hits: ranked, total: allowed.filter(Boolean).length, tokens: tokens };
    }
    var scores = new Map(), matched = new Map(), needed = 0, expanded = this.expand(tokens);
    var signerWords = this.signerMatches(phrases);
    expanded.forEach(function (q) {
      var tokenScores = new Map(), anywhere = false;
      q.alts.forEach(function (alt) {
        var c = self.termScores(alt.term, q.token, fullText, signerWords);
        if (c.size) anywhere = true;
        c.forEach(function (s, n) {
          var v = round4(s * alt.weight);
          if (v > (tokenScores.get(n) || 0)) tokenScores.set(n, v);
        });
      });
      if (!anywhere) return;
      needed += 1;
      tokenScores.forEach(function (s, n) {
        scores.set(n, round4((scores.get(n) || 0) + s));
        matched.set(n, (matched.get(n) || 0) + 1);
      });
    });
    this.phraseBonus(phrases).forEach(function (bonus, n) {
      if (scores.has(n)) scores.set(n, round4(scores.get(n) + bonus));
    });
    scores.forEach(function (s, n) {
      if (!allowed[n]) return;
      var cov = matched.get(n) / needed;
      ranked.push({ n: n, score: round4(s * cov * cov) });
    });
    ranked.sort(function (a, b) { return b.score - a.score || a.n - b.n; });
    var terms = [];
    expanded.forEach(function (q) { q.alts.forEach(function (a) { if (!q.token.symbol) terms.push(a.term); }); });
    return { hits: ranked.slice(0, limit), total: ranked.length, tokens: tokens, terms: terms };
  };

  // ---- loading --------------------------------------------------------------------------------
  var here = document.currentScript ? document.currentScript.src : document.baseURI;
  var ROOT = new URL("../../", here);
  var INDEX = new URL("search/", ROOT);
  // Folder of the "Tra cứu" page; the plugin writes its configured `page` option here.
  var SEARCH_PAGE = CONFIG.searchPage;
  var searcherPromise = null, texts = {};

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error(r.status + " " + url);
      return r.json();
    });
  }
  function loadSearcher() {
    if (!searcherPromise) {
      searcherPromise = getJSON(new URL("catalogue.json", INDEX)).then(function (cat) {
        var searcher = new Searcher(cat, function (n) { return getJSON(new URL("shards/" + n + ".json", INDEX)); });
        warm(searcher);
        return searcher;
      });
      searcherPromise.catch(function () { searcherPromise = null; });
    }
    return searcherPromise;
  }
  // The first query pays for compiling the scoring code and for the per-title caches; do that
  // while the reader has not typed yet, in small idle slices so typing is never held up.
  function warm(searcher) {
    var idle = window.requestIdleCallback || function (f) { return setTimeout(function () { f({ timeRemaining: function () { return 8; } }); }, 1); };
    var n = 0;
    idle(function step(deadline) {
      while (n < searcher.n && deadline.timeRemaining() > 1) searcher.titleLower(n++);
      if (n < searcher.n) { idle(step); return; }
      try { searcher.search("đảng viên công tác", {}, false, 1); } catch (e) { /* warming only */ }
    });
  }
  function ensureShards(searcher, query) {
    return Promise.all(searcher.neededShards(query).map(function (n) {
      return searcher.loadShard(n).then(function (s) { searcher.shards[n] = s; });
    }));
  }
  function loadText(n) {
    if (!texts[n]) {
      texts[n] = fetch(new URL("text/" + n + ".txt", INDEX)).then(function (r) { return r.ok ? r.text() : ""; })
        .catch(function () { return ""; });
    }
    return texts[n];
  }

  // ---- rendering (DOM only: nothing from the index or the query becomes markup) ------------
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function formatDate(iso) {
    if (!iso) return "chưa rõ ngày";
    var p = iso.split("-");
    return p[2] + "/" + p[1] + "/" + p[0];
  }
  // Append `text` to `parent`, wrapping words whose folded form is a query term in <mark>.
  function highlight(parent, text, terms) {
    var set = {}, prefixes = [];
    terms.forEach(function (t) { set[t] = true; if (t.length >= 2) prefixes.push(t); });
    var last = 0, m, re = /[\p{L}\p{N}]+/gu;
    while ((m = re.exec(text)) !== null) {
      var f = fold(m[0]);
      if (set[f]) {
        if (m.index > last) parent.appendChild(document.createTextNode(text.slice(last, m.index)));
        parent.appendChild(el("mark", null, m[0]));
        last = m.index + m[0].length;
      }
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }
  function snippetOf(text, terms) {
    if (!text) return "";
    var folded = fold(text);
    var same = folded.length === text.length, best = -1;
    terms.forEach(function (t) {
      if (!t) return;
      var re = new RegExp("(^|[^\\p{L}\\p{N}])" + t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "(?![\\p{L}\\p{N}])", "u");
      var m = re.exec(folded);
      if (m && (best < 0 || m.index < best)) best = m.index + m[1].length;
    });
    if (!same || best < 0) best = 0;
    var start = Math.max(0, best - 80);
    var end = Math.min(text.length, start + 260);
    return (start > 0 ? "… " : "") + text.slice(start, end).replace(/\s+/g, " ") + (end < text.length ? " …" : "");
  }
  function renderHit(searcher, hit, terms, list, compact) {
    var doc = searcher.docs[hit.n], cat = searcher.cat;
    var li = el("li", "vk-result");
    var a = el("a", "vk-result__link");
    a.href = new URL(doc[COLUMN.url], ROOT).href;
    var meta = el("div", "vk-result__meta");
    meta.appendChild(el("span", "vk-result__type", cat.types[doc[COLUMN.type]]));
    if (doc[COLUMN.symbol]) meta.appendChild(el("span", "vk-result__symbol", doc[COLUMN.symbol]));
    meta.appendChild(el("span", "vk-result__date", formatDate(doc[COLUMN.date])));
    meta.appendChild(el("span", "vk-result__issuer", cat.issuers[doc[COLUMN.issuer]]));
    if (!compact) meta.appendChild(el("span", "vk-result__status", "Hiệu lực: " + cat.statuses[doc[COLUMN.status]]));
    a.appendChild(meta);
    var title = el("div", "vk-result__title");
    highlight(title, String(doc[COLUMN.title]), terms);
    a.appendChild(title);
    var snip = el("div", "vk-result__snippet");
    a.appendChild(snip);
    li.appendChild(a);
    list.appendChild(li);
    if (terms.length) {
      loadText(hit.n).then(function (text) { highlight(snip, snippetOf(text, terms), terms); });
    }
    if (!compact) li.dataset.score = String(hit.score);
  }

  function runSearch(query, filters, limit, onResults) {
    return loadSearcher().then(function (searcher) {
      var first = searcher.search(query, filters, false, limit);
      onResults(searcher, first, false);
      if (!first.tokens.length) return first;
      return ensureShards(searcher, query).then(function () {
        var full = searcher.search(query, filters, true, limit);
        onResults(searcher, full, true);
        return full;
      });
    });
  }

  // ---- header box ------------------------------------------------------------------------------
  function searchPageUrl(params) {
    var url = new URL(SEARCH_PAGE, ROOT);
    url.search = params.toString();
    return url.href;
  }
  function headerBox() {
    var header = document.querySelector(".md-header__inner") || document.querySelector("header");
    if (!header || document.querySelector(".vk-box")) return;
    var form = el("form", "vk-box");
    form.setAttribute("role", "search");
    form.action = new URL(SEARCH_PAGE, ROOT).href;
    var input = el("input", "vk-box__input");
    input.type = "search"; input.name = "q"; input.autocomplete = "off";
    input.placeholder = "Tra cứu số, ký hiệu, trích yếu…";
    input.setAttribute("aria-label", "Tra cứu văn bản");
    var panel = el("div", "vk-box__panel");
    panel.hidden = true;
    form.appendChild(input); form.appendChild(panel);
    var anchor = header.querySelector(".md-header__source");
    header.insertBefore(form, anchor);
    var seq = 0, timer = null;
    input.addEventListener("focus", function () { loadSearcher(); });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(update, 60);
    });
    function update() {
      var q = input.value, mine = ++seq;
      if (!q.trim()) { panel.hidden = true; panel.textContent = ""; return; }
      runSearch(q, {}, 8, function (searcher, result, full) {
        if (mine !== seq) return;
        panel.textContent = "";
        var list = el("ol", "vk-results vk-results--compact");
        // "full": nothing more will come for this query (a query with no word has no full-text phase).
        list.dataset.phase = full || !result.tokens.length ? "full" : "catalogue";
        result.hits.forEach(function (h) { renderHit(searcher, h, result.terms || [], list, true); });
        if (!result.hits.length) panel.appendChild(el("p", "vk-empty", full ? "Không tìm thấy văn bản nào." : "Đang tìm trong toàn văn…"));
        panel.appendChild(list);
        var more = el("a", "vk-box__more", "Xem tất cả kết quả và lọc trên trang Tra cứu →");
        more.href = searchPageUrl(new URLSearchParams({ q: q }));
        panel.appendChild(more);
        panel.hidden = false;
      }).catch(function () {
        panel.textContent = "";
        panel.appendChild(el("p", "vk-empty", "Không tải được chỉ mục tra cứu."));
        panel.hidden = false;
      });
    }
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      window.location.href = searchPageUrl(new URLSearchParams({ q: input.value }));
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { panel.hidden = true; }
    });
    document.addEventListener("click", function (e) { if (!form.contains(e.target)) panel.hidden = true; });
  }

  // ---- search page ("Tra cứu") ---------------------------------------------------------------------
  var PARAMS = ["q", "type", "issuer", "status", "from", "to"];
  function searchPage() {
    var root = document.getElementById("vk-search");
    // start() runs on load and again for Material's document$ (at once, then on each page swap):
    // a page is set up once, or its filters would list every option twice.
    if (!root || root.dataset.ready) return;
    root.dataset.ready = "1";
    var form = root.querySelector("form");
    var out = root.querySelector(".vk-search__results");
    var count = root.querySelector(".vk-search__count");
    function field(name) { return form.elements.namedItem(name); }
    var params = new URLSearchParams(window.location.search);
    PARAMS.forEach(function (p) { if (params.has(p) && field(p)) field(p).value = params.get(p); });
    loadSearcher().then(function (searcher) {
      [["type", searcher.cat.types], ["issuer", searcher.cat.issuers], ["status", searcher.cat.statuses]].forEach(function (f) {
        var select = field(f[0]);
        f[1].forEach(function (v) { var o = el("option", null, v); o.value = v; select.appendChild(o); });
        if (params.has(f[0])) select.value = params.get(f[0]);
      });
      update(false);
    }).catch(function () { count.textContent = "Không tải được chỉ mục tra cứu."; });
    var seq = 0, timer = null;
    function current() {
      var f = {};
      ["type", "issuer", "status"].forEach(function (k) { if (field(k).value) f[k] = field(k).value; });
      ["from", "to"].forEach(function (k) { var v = parseInt(field(k).value, 10); if (v) f[k] = v; });
      return f;
    }
    function update(push) {
      var q = field("q").value, filters = current(), mine = ++seq;
      var next = new URLSearchParams();
      PARAMS.forEach(function (p) { if (field(p).value) next.set(p, field(p).value); });
      var url = window.location.pathname + (next.toString() ? "?" + next.toString() : "");
      if (url !== window.location.pathname + window.location.search) {
        window.history[push ? "pushState" : "replaceState"](null, "", url);
      }
      runSearch(q, filters, 50, function (searcher, result, full) {
        if (mine !== seq) return;
        out.textContent = "";
        out.dataset.phase = full || !result.tokens.length ? "full" : "catalogue";
        count.textContent = result.total + " văn bản" + (result.total > result.hits.length ? " (hiển thị " + result.hits.length + ")" : "");
        result.hits.forEach(function (h) { renderHit(searcher, h, result.terms || [], out, false); });
      });
    }
    form.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(function () { update(false); }, 120); });
    form.addEventListener("change", function () { clearTimeout(timer); update(true); });
    form.addEventListener("submit", function (e) { e.preventDefault(); update(true); });
    window.addEventListener("popstate", function () {
      var p = new URLSearchParams(window.location.search);
      PARAMS.forEach(function (k) { if (field(k)) field(k).value = p.get(k) || ""; });
      update(false);
    });
  }

  window.vankienSearch = {
    normalize: normalize, fold: fold, tokenize: tokenize, queryTokens: queryTokens, queryPhrases: queryPhrases,
    phraseText: phraseText, fnv1a: fnv1a,
    loadSearcher: loadSearcher, ensureShards: ensureShards, Searcher: Searcher, root: ROOT.href
  };
  function start() { headerBox(); searchPage(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  // Material's instant navigation swaps pages without reloading scripts.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(start);
})();
