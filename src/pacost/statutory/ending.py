"""When employment ends: statutory redundancy pay, statutory notice and the holiday accrued in the leave year.

- Redundancy pay (Employment Rights Act 1996 ss.155, 162, 227; in Northern Ireland the Employment Rights (Northern
  Ireland) Order 1996, with its own week's pay limit): nothing before two years' continuous service; for each full
  year of service counted back from the end, at most twenty, the weeks' pay its age band gives; a week's pay capped
  by the limit in force on the day. Worked as GOV.UK's redundancy pay calculator works it: the age on the day the
  employment ends, one year of age back for each year of service.
- Notice (ERA 1996 s.86(1)): a week after a month's service, a week for each complete year from two years, at most
  twelve.
- Holiday accrued (Working Time Regulations 1998): the year's entitlement times the share of the leave year gone
  by the day the employment ends.

The figures are in ``data/employment_ending.toml``. What a PA's week's pay is, and the employer's NI and pension on
what is owed, are the engine's (``pacost.engine.ending``); none of this knows a plan.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from pacost.dates import add_months
from pacost.money import round_penny
from pacost.rates.book import RateBook
from pacost.rates.models import DatedFigure, NoticeRules, RedundancyRules


def full_months(since: date, day: date) -> int:
    """The complete months from ``since`` to ``day`` (a month is complete on the same date the next month)."""
    months = (day.year - since.year) * 12 + day.month - since.month
    if add_months(since, months) > day:
        months -= 1
    return max(months, 0)


def full_years(since: date, day: date) -> int:
    """The complete years from ``since`` to ``day`` (a year is complete on its anniversary)."""
    return full_months(since, day) // 12


def _rules(rates: RateBook) -> RedundancyRules:
    assert rates.redundancy is not None  # noqa: S101 - RateBook.check_complete guarantees it
    return rates.redundancy


def week_pay_limit(rates: RateBook, day: date, *, northern_ireland: bool) -> DatedFigure:
    """The most a week's pay counts for in redundancy pay on ``day`` (the latest known is carried forward)."""
    rules = _rules(rates)
    limits = rules.week_pay_limit_northern_ireland if northern_ireland else rules.week_pay_limit
    current = limits[0]
    for limit in limits:
        if limit.from_date <= day:
            current = limit
    return current


def redundancy_weeks(age: int, years_of_service: int, rates: RateBook) -> Decimal:
    """The weeks' pay statutory redundancy pay comes to, for an employee ``age`` on the day their employment ends
    after ``years_of_service`` full years: none before the qualifying years; else, for each year counted back from
    the end (at most the most years reckoned), the weeks of the age band of the age they were that year."""
    rules = _rules(rates)
    if years_of_service < rules.qualifying_years.value:
        return Decimal(0)
    weeks = Decimal(0)
    for back in range(1, min(years_of_service, int(rules.most_years.value)) + 1):
        age_that_year = age - back
        weeks += next(band.value for band in reversed(rules.weeks_per_year) if age_that_year >= band.from_age)
    return weeks


def redundancy_pay(week_pay: Decimal, weeks: Decimal, limit: Decimal) -> Decimal:
    """Statutory redundancy pay: ``weeks`` of a week's pay, capped at ``limit``, to the penny (a half penny up)."""
    return round_penny(weeks * min(week_pay, limit))


def _notice(rates: RateBook) -> NoticeRules:
    assert rates.notice is not None  # noqa: S101 - RateBook.check_complete guarantees it
    return rates.notice


def notice_weeks(since: date, day: date, rates: RateBook) -> int:
    """The least notice, in weeks, an employer must give an employee employed from ``since`` to end it on ``day``."""
    rules = _notice(rates)
    if full_months(since, day) < rules.after_months.value:
        return 0
    years = full_years(since, day)
    if years < rules.weekly_from_years.value:
        return 1
    return min(years, int(rules.most_weeks.value))


def leave_year_start(day: date, month_day: tuple[int, int]) -> date:
    """The first day of the leave year that ``day`` falls in, for leave years starting each year on
    ``month_day`` (29 February is taken as 1 March in a year without one)."""
    month, dom = month_day

    def start_in(year: int) -> date:
        try:
            return date(year, month, dom)
        except ValueError:  # 29 February in a year without one
            return date(year, 3, 1)

    start = start_in(day.year)
    return start if start <= day else start_in(day.year - 1)


def holiday_accrued_weeks(entitlement_weeks: Decimal, leave_year_from: date, day: date) -> Decimal:
    """The holiday accrued in the leave year from ``leave_year_from`` to ``day`` (both counted): the year's
    entitlement times the share of the leave year's days gone by."""
    year_end = add_months(leave_year_from, 12) - timedelta(days=1)
    days_in_year = (year_end - leave_year_from).days + 1
    days_gone = (day - leave_year_from).days + 1
    return entitlement_weeks * days_gone / days_in_year
