// A series' rule in the words people use ("Every Wednesday and Sunday at 19:41, 10 times") instead
// of RFC 5545 (FREQ=WEEKLY;BYDAY=WE,SU;COUNT=10). What a rule says beyond the parts named here
// (BYSETPOS, BYHOUR and the like, which the console never makes) is not guessed at: the words say
// "as its rule says" and the rule itself stays one hover away.
import { hourFormat, dayText } from './dom.js';

const WEEKDAYS = { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' };
const ORDINALS = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', 5: 'fifth', '-1': 'last', '-2': 'second to last' };
const UNITS = { DAILY: ['day', 'days'], WEEKLY: ['week', 'weeks'], MONTHLY: ['month', 'months'], YEARLY: ['year', 'years'] };
const KNOWN = new Set(['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'WKST']);

/** "a, b and c". */
function listed(words) {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** 1 -> "1st", 22 -> "22nd", 13 -> "13th". */
function nth(n) {
  const tens = n % 100;
  return `${n}${tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] || 'th')}`;
}

/** An ordinal in words where it has one: 1 -> "first", -1 -> "last", -3 -> "3rd to last", 7 -> "7th". */
function ordinal(n) {
  if (ORDINALS[n]) return ORDINALS[n];
  return n < 0 ? `${nth(-n)} to last` : nth(n);
}

/** A BYMONTHDAY in words: 9 -> "9th", -1 -> "last day", -3 -> "3rd to last day". */
function dayOfMonth(n) {
  return n < 0 ? `${ordinal(n)} day` : nth(n);
}

/** A BYDAY item in words: "WE" -> "Wednesday", "2TU" -> "second Tuesday", "-1FR" -> "last Friday". */
function weekday(item) {
  const [, n, day] = /^([+-]?\d+)?([A-Z]{2})$/.exec(item) || [];
  if (!WEEKDAYS[day]) return item;
  return n ? `${ordinal(Number(n))} ${WEEKDAYS[day]}` : WEEKDAYS[day];
}

/** The repeating part: "Every Wednesday and Sunday", "Every other week on Monday", "Every month on the 9th". */
function every(parts, first) {
  const interval = Number(parts.INTERVAL || 1);
  const [one, many] = UNITS[parts.FREQ] || ['time', 'times'];
  const days = parts.BYDAY ? parts.BYDAY.split(',') : [];
  const weekdays = ['MO', 'TU', 'WE', 'TH', 'FR'];
  if (parts.FREQ === 'DAILY' && days.length && interval > 1) {
    return `Every ${interval === 2 ? 'other day' : `${interval} days`}, when it is ${listed(days.map(weekday))}`;
  }
  if (parts.FREQ === 'MONTHLY' && days.length && days.every((d) => /^[A-Z]{2}$/.test(d)) && interval === 1) {
    return `Every ${listed(days.map(weekday))}`; // every such weekday of every month: simply each week
  }
  if (parts.FREQ === 'WEEKLY' || (parts.FREQ === 'DAILY' && days.length)) {
    const named = days.length ? days : [Object.keys(WEEKDAYS)[(first.getDay() + 6) % 7]];
    const onDays = named.length === 5 && weekdays.every((d) => named.includes(d)) ? ['weekday'] : named.map(weekday);
    if (interval === 1) return `Every ${listed(onDays)}`;
    const on = onDays[0] === 'weekday' ? ['weekdays'] : onDays;
    return `Every ${interval === 2 ? 'other week' : `${interval} weeks`} on ${listed(on)}`;
  }
  const head = interval === 1 ? `Every ${one}` : interval === 2 ? `Every other ${one}` : `Every ${interval} ${many}`;
  if (parts.FREQ === 'MONTHLY') {
    if (parts.BYMONTHDAY) return `${head} on the ${listed(parts.BYMONTHDAY.split(',').map(Number).map(dayOfMonth))}`;
    if (days.length) return `${head} on the ${listed(days.map(weekday))}`;
    return `${head} on the ${dayOfMonth(first.getDate())}`;
  }
  if (parts.FREQ === 'YEARLY') {
    return `${head} on ${first.toLocaleDateString(undefined, { day: 'numeric', month: 'long' })}`;
  }
  return head;
}

/** The UNTIL part's moment: 20270301T235959Z (or a plain date) as a Date. */
function untilDate(until) {
  const [, y, mo, d, time] = /^(\d{4})(\d{2})(\d{2})(T\d{6}Z?)?$/.exec(until) || [];
  if (!y) return null;
  if (!time) return new Date(Number(y), Number(mo) - 1, Number(d), 23, 59, 59);
  const [, hh, mm, ss] = /T(\d{2})(\d{2})(\d{2})/.exec(time);
  const at = [Number(y), Number(mo) - 1, Number(d), Number(hh), Number(mm), Number(ss)];
  // With Z it is UTC; without, a floating time, read in the browser's zone (near enough for the day it names).
  return time.endsWith('Z') ? new Date(Date.UTC(...at)) : new Date(...at);
}

/**
 * A series in words, at the local time of {@code first} (one of its occurrences, in this browser's zone):
 * "Every Wednesday and Sunday at 19:41, 10 times", "Every day at 09:00 until Fri 1 Jan".
 */
export function seriesText(rrule, first) {
  const parts = Object.fromEntries(rrule.split(';').map((p) => p.split('=')).filter(([k, v]) => k && v));
  let text = `${every(parts, first)} at ${hourFormat.format(first)}`;
  if (parts.COUNT) text += Number(parts.COUNT) === 1 ? ', once' : `, ${parts.COUNT} times`;
  const until = parts.UNTIL && untilDate(parts.UNTIL);
  if (until) text += `, until ${dayText(until).replace(/^(Today|Tomorrow|Yesterday)$/, (d) => d.toLowerCase())}`;
  if (Object.keys(parts).some((k) => !KNOWN.has(k))) text += ' (as its rule says)';
  return text;
}
