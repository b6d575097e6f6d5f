/** Returns true when year is a leap year in the Gregorian calendar. */
export function isLeapYear(year) {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Returns 366 for a leap year, 365 otherwise. */
export function daysInYear(year) {
  return isLeapYear(year) ? 366 : 365;
}

console.log(isLeapYear(2024), daysInYear(2024));
