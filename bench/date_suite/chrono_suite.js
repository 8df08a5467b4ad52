#!/usr/bin/env node
// chrono_suite.js CHRONO_PACKAGE CASEFILE [--list]: how many of the English
// date expressions in chrono-node's public test suite casefile's `dates`
// command resolves exactly.
//
//   tmp=$(mktemp -d) && cd "$tmp" && npm pack chrono-node@1.3.11 && tar xzf chrono-node-1.3.11.tgz
//   (cd package && npm install --omit=dev --ignore-scripts)   # chrono 1.x needs moment
//   TZ=UTC node bench/date_suite/chrono_suite.js "$tmp/package" build/daemon/casefile
//
// chrono-node 1.3.11 is the last release whose npm package ships its tests
// (test/en/*.test.js, Jest style). Nothing of it is copied here: this script
// runs those files in place with a small `test`/`expect` shim and a wrapper
// around chrono.parse that records each (text, reference date) case and
// chrono's answer; a case counts only when chrono passes every assertion made
// on it, so the recorded answer is the one the suite asserts. For each case
// it then runs `casefile dates TEXT --ref REF --json` and compares.
//
// In scope: what a deadline in English mail is written in - absolute dates in
// any format, weekdays, relative days/weeks/months, times of day, ranges,
// ISO timestamps, explicit zones. Out of scope, each counted and printed:
// - files en_time_ago ("5 days ago") and en_option_forward (a chrono option);
// - chrono.en_GB cases (a day-first locale; casefile reads 3/4 as March 4
//   unless configured day-first);
// - years before 1900 or with an era (BC, BE); texts with no date word;
// - durations in seconds or minutes ("in 5 seconds");
// - vague quantities ("a few days from now": chrono picks 3);
// - "2 days later" (relative to an unnamed event);
// - invalid calendar dates ("August 32", which chrono rolls over);
// - past references without a year ("last Friday", a bare "Monday" meant as
//   the one before, "at 7 o'clock" when 7:00 has passed): casefile resolves
//   forward by design, because a deadline lies ahead.
// Conventions that differ stay in scope and count as misses, e.g. "next week"
// (chrono: the same weekday a week on; casefile: the Monday-Sunday week) -
// the summary counts how many misses are only that.
// A case resolves exactly when casefile finds an expression overlapping
// chrono's span, and its start day (and hour:minute, when chrono's answer
// states a time) equals chrono's; for ranges, the end too.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const [, , chronoPackage, casefile, flag] = process.argv;
if (!chronoPackage || !casefile) {
    console.error('usage: TZ=UTC node chrono_suite.js CHRONO_PACKAGE CASEFILE [--list]');
    process.exit(2);
}
if (process.env.TZ !== 'UTC') {
    console.error('chrono_suite.js: run with TZ=UTC (the suite builds reference dates in local time)');
    process.exit(2);
}
const listAll = flag === '--list';
const inScopeFiles = new Set([
    'en.test.js', 'en_casual.test.js', 'en_dash.test.js', 'en_deadline.test.js', 'en_inter_std.test.js',
    'en_little_endian.test.js', 'en_middle_endian.test.js', 'en_month.test.js', 'en_relative.test.js',
    'en_slash.test.js', 'en_time_exp.test.js', 'en_time_from_now.test.js', 'en_time_later.test.js',
    'en_weekday.test.js',
]);

const chrono = require(path.join(chronoPackage, 'src', 'chrono'));
const cases = [];
let current = null;
let depth = 0;  // chrono.parse calls chrono.casual.parse: record the outer call only

// Wrap every parse function a test may call, on chrono and its parsers.
function wrap(owner, name, parser) {
    const original = owner[name];
    if (typeof original !== 'function' || original.__wrapped) return;
    const wrapped = function (text, ref, options) {
        ++depth;
        let results;
        try {
            results = original.call(this, text, ref, options);
        } finally {
            --depth;
        }
        if (depth === 0) {
            current = { text, ref: ref || new Date(), results, failed: false, file: currentFile, parser };
            cases.push(current);
        }
        return results;
    };
    wrapped.__wrapped = true;
    owner[name] = wrapped;
}
for (const key of Object.keys(chrono)) {
    if (chrono[key] && typeof chrono[key].parse === 'function') wrap(chrono[key], 'parse', key);
}
wrap(chrono, 'parse', 'casual');

function matcher(actual, negate) {
    const check = (ok) => {
        if (negate ? ok : !ok) {
            if (current) current.failed = true;
        }
    };
    const m = {
        toBe: (v) => check(actual === v),
        toEqual: (v) => check(JSON.stringify(actual) === JSON.stringify(v)),
        toBeCloseTo: (v) => check(Math.abs(actual - v) < 1000),
        toBeNull: () => check(actual === null),
        toBeUndefined: () => check(actual === undefined),
        toBeDefined: () => check(actual !== undefined),
        toBeTruthy: () => check(!!actual),
        toBeFalsy: () => check(!actual),
        toBeGreaterThan: (v) => check(actual > v),
        toBeLessThan: (v) => check(actual < v),
        toContain: (v) => check(actual && actual.indexOf(v) >= 0),
    };
    return m;
}
global.expect = (actual) => Object.assign(matcher(actual, false), { not: matcher(actual, true) });
global.test = (name, fn) => {
    try {
        fn();
    } catch (error) {
        if (current) current.failed = true;
    }
};
global.it = global.test;
global.describe = (name, fn) => fn();

let currentFile = '';
const testDir = path.join(chronoPackage, 'test', 'en');
for (const file of fs.readdirSync(testDir).sort()) {
    if (!file.endsWith('.test.js')) continue;
    currentFile = file;
    current = null;
    require(path.join(testDir, file));
}

const pad = (n) => String(n).padStart(2, '0');
const isoDay = (d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const isoRef = (d) => `${isoDay(d)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}Z`;
// chrono's answer for one component: "YYYY-MM-DD" plus "HH:MM" when it names a time.
function expected(component) {
    const d = component.date();
    const known = component.knownValues;
    const time = 'hour' in known ? `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : null;
    return { day: isoDay(d), time, year: d.getUTCFullYear(), instant: d.getTime() };
}
const dateWords = /\d|today|tonight|tomorrow|yesterday|now|noon|midnight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon\b|tue|wed|thu|fri|sat|sun\b|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|week|month|year|day|hour|minute|morning|evening|night|afternoon/i;

// "32 August 2015", "August 32", "9/31/2015": chrono rolls these over to
// the next month; a deadline tool should not invent a date.
function invalidDate(text) {
    const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
    const lengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let m = /\b(\d{1,2})\s*(?:st|nd|rd|th)?\s+([a-z]{3})[a-z]*/i.exec(text) || null;
    let day, month;
    if (m && months.includes(m[2].toLowerCase())) {
        day = +m[1]; month = months.indexOf(m[2].toLowerCase());
    } else if ((m = /\b([a-z]{3})[a-z]*\s+(\d{1,2})\b/i.exec(text)) && months.includes(m[1].toLowerCase())) {
        day = +m[2]; month = months.indexOf(m[1].toLowerCase());
    } else if ((m = /\b(\d{1,2})\/(\d{1,2})\/\d{2,4}\b/.exec(text))) {
        month = +m[1] - 1; day = +m[2];
    } else {
        return false;
    }
    return month >= 0 && month < 12 && day > lengths[month];
}

const tally = { all: 0, chronoFailed: 0, outOfScope: 0, inScope: 0, exact: 0, inside: 0 };
const outReasons = {};
const misses = [];
for (const c of cases) {
    ++tally.all;
    if (c.failed || !c.results || c.results.length === 0) {
        ++tally.chronoFailed;
        continue;
    }
    const first = c.results[0];
    const start = expected(first.start);
    const end = first.end ? expected(first.end) : null;
    const reason = !inScopeFiles.has(c.file) ? 'file'
        : start.year < 1900 || /\b(BC|BE|AD|BCE)\b/.test(first.text) ? 'era'
        : !dateWords.test(first.text) ? 'no date word'
        : c.parser === 'en_GB' ? 'day-first locale (chrono.en_GB)'
        : /\b(seconds?|secs?|minutes?|mins?)\b/i.test(first.text) ? 'finer than an hour'
        : /\b(few|several|couple)\b/i.test(first.text) ? 'vague quantity (a few, several)'
        : /\blater\b/i.test(first.text) ? 'relative to an unnamed event ("2 days later")'
        : invalidDate(first.text) ? 'invalid calendar date ("August 32")'
        : (start.time ? start.instant < c.ref.getTime() : start.day < isoDay(c.ref)) && !/\d{4}/.test(first.text)
            ? 'past reference without a year' : '';
    if (reason) {
        ++tally.outOfScope;
        outReasons[reason] = (outReasons[reason] || 0) + 1;
        if (listAll) console.log(`OUT (${reason}) ${c.file}: ${JSON.stringify(c.text)}`);
        continue;
    }
    ++tally.inScope;
    let found = [];
    // A text starting with "-" would read as an option: a leading space
    // shifts every offset by one.
    const shift = c.text.startsWith('-') ? 1 : 0;
    try {
        found = JSON.parse(execFileSync(casefile, ['dates', (shift ? ' ' : '') + c.text, '--ref', isoRef(c.ref), '--json'],
                                        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
    } catch (error) {
        found = [];
    }
    // Byte offsets: the suite's texts are ASCII except a few; compare by overlap.
    const span = [first.index + shift, first.index + shift + first.text.length];
    const hit = found.find((f) => f.start < span[1] && f.end > span[0]);
    // A date compares by day; a time (chrono knows the hour) compares as an
    // instant, since either side may carry an offset.
    const same = (value, want) => {
        if (!value) return false;
        if (!want.time) return value.slice(0, 10) === want.day;
        return value.length > 10 && Math.abs(Date.parse(value) - want.instant) < 60000;
    };
    let ok = false;
    if (hit) {
        const startValue = hit.value || '';
        ok = same(startValue, start) && (!end || same(hit.end_value || '', end));
    }
    if (ok) ++tally.exact;
    // chrono's point inside casefile's interval ("next week": chrono says the
    // same weekday a week on, casefile the whole Monday-Sunday week).
    if (!ok && hit && hit.kind === 'interval' && hit.end_value && !end &&
        hit.value.slice(0, 10) <= start.day && start.day <= hit.end_value.slice(0, 10)) {
        ++tally.inside;
    }
    if (!ok || listAll) {
        const want = `${start.day}${start.time ? 'T' + start.time : ''}` +
            (end ? ` .. ${end.day}${end.time ? 'T' + end.time : ''}` : '');
        const got = hit ? `${hit.kind} ${hit.value || '-'}${hit.end_value ? ' .. ' + hit.end_value : ''} ("${hit.text}")` : 'nothing';
        (ok ? console.log : (line) => misses.push(line))(
            `${ok ? 'OK  ' : 'MISS'} ${c.file}: ${JSON.stringify(c.text)} ref ${isoRef(c.ref)} want ${want} got ${got}`);
    }
}
for (const line of misses) console.log(line);
console.log(`\nchrono-node 1.3.11 English suite: ${tally.all} parse cases, ${tally.chronoFailed} dropped ` +
    `(chrono fails its own assertion or finds nothing), ${tally.outOfScope} out of scope, ${tally.inScope} in scope`);
console.log(`out of scope by reason: ${JSON.stringify(outReasons)}`);
console.log(`resolved exactly: ${tally.exact} / ${tally.inScope} = ${(100 * tally.exact / Math.max(1, tally.inScope)).toFixed(1)}%`);
console.log(`not exact but chrono's day lies inside casefile's interval: ${tally.inside}`);
