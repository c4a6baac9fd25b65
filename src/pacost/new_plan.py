"""Writing a plan file for a person: ``plan_toml`` turns a plan's tables (as ``pacost new`` gathers them from the
answers) into commented TOML that ``pacost cost`` reads back as the same plan; ``TEMPLATE`` is the fully commented
plan ``pacost new --example`` writes. The keys and their meaning are those of ``docs/plan-file.md``; nothing here
asks questions (``pacost.cli.new_cmd``) or checks the plan (``pacost.plan``).
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any

#: A short comment for each key ``plan_toml`` writes, keyed by its table and name.
NOTES = {
    ("", "name"): "a name for the outputs",
    ("", "start"): "the first day costed",
    ("", "end"): "the last day costed",
    ("", "nation"): "its bank holidays are used",
    ("budget", "amount"): "what the council pays",
    ("budget", "per"): "week, fortnight, 4-weeks, month, year or period (the whole plan)",
    ("budget", "hours_per_week"): "the hours a week the council says the budget funds",
    ("employer", "employment_allowance"): "claimed against the employer's NI",
    ("employer", "insurance"): "employer's liability insurance (an employer must insure)",
    ("employer", "payroll"): "a payroll service",
    ("cover", "by"): "who works a PA's hours while they are on holiday or off sick: agency, pa or family",
    ("cover", "rate"): "the agency's charge an hour",
    ("cover", "pa"): "the PA who covers",
    ("pa", "name"): "",
    ("pa", "age"): "at the plan's start: it sets the NI category, the minimum wage and the pension",
    ("pa", "date_of_birth"): "it sets the NI category, the minimum wage and the pension",
    ("pa", "hourly_rate"): "the base rate an hour",
    ("pa", "pay_frequency"): "weekly, fortnightly, 4-weekly or monthly",
    ("enhancements", "weekend"): "weekend hours pay this many times the hourly rate",
    ("enhancements", "night"): "night hours pay this many times the hourly rate",
    ("enhancements", "bank_holiday"): "bank-holiday hours pay this many times the hourly rate",
    ("shift", "every"): "the rota repeats every so many weeks",
    ("shift", "week"): "which week of that cycle (week 1 is the seven days from the plan's start)",
    ("shift", "flat"): "the flat sum for a sleep-in",
}


def _value(value: Any) -> str:
    """A value as TOML writes it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | Decimal):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_value(v)}" for k, v in value.items()) + " }"
    return json.dumps(str(value), ensure_ascii=False)  # a TOML basic string: quotes, backslashes, controls escaped


def _lines(table: dict[str, Any], where: str, indent: str = "") -> list[str]:
    out = []
    for key, value in table.items():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            continue  # written as [[...]] tables below
        if key == "enhancements":
            continue
        note = NOTES.get((where, key), "")
        out.append(f"{indent}{key} = {_value(value)}" + (f"  # {note}" if note else ""))
    return out


def plan_toml(plan: dict[str, Any], *, heading: str) -> str:
    """The plan's tables as commented TOML, after the comment lines of ``heading``."""
    out = [f"# {line}" if line else "#" for line in heading.splitlines()]
    out += _lines({k: v for k, v in plan.items() if not isinstance(v, dict | list)}, "")
    for section in ("budget", "employer", "cover", "sickness"):
        if section in plan:
            out += ["", f"[{section}]", *_lines(plan[section], section)]
    for pa in plan.get("pa", []):
        out += ["", "[[pa]]", *_lines(pa, "pa")]
        if "enhancements" in pa:
            out += ["", "  [pa.enhancements]", *_lines(pa["enhancements"], "enhancements", "  ")]
        for shift in pa.get("shift", []):
            out += ["", "  [[pa.shift]]", *_lines(shift, "shift", "  ")]
    return "\n".join(out) + "\n"


TEMPLATE = """\
# A care plan for pacost, every part of it explained. Change what is yours, delete what you do not need (anything
# left out gets a default, and every default is listed under "Assumptions" when the plan is costed), then run:
#
#     pacost cost plan.toml
#
# Every key is described in docs/plan-file.md in pacost's repository. Amounts may be written 13.50 or "£1,950.00";
# dates 2026-04-06; times in quotes, "09:00".

name = "Ms D, 2026-27"        # a name for the outputs
start = 2026-04-06            # the first day costed (default: the start of the current tax year)
end = 2027-04-05              # the last day costed (default: a year after the start)
nation = "england"            # england, wales, scotland or northern-ireland: its bank holidays are used

[budget]                      # what the council pays
amount = 520.00
per = "week"                  # week, fortnight, 4-weeks, month, year or period (the whole plan)
hours_per_week = 28           # the hours a week the council says it funds (leave out if it does not say)

[employer]                    # the employer's own costs
employment_allowance = true   # claimed against the employer's NI (household employers of care workers may)
insurance = { amount = 150.00, per = "year" }   # employer's liability insurance: an employer must insure
payroll = { amount = 0, per = "month" }         # a payroll service, if the council does not provide one

  [[employer.other]]          # any other cost, with a name (delete this table if there is none)
  name = "DBS checks"
  amount = 50
  per = "year"

[cover]                       # who works a PA's hours while they are on holiday or off sick
by = "agency"                 # agency (at rate), pa (another PA, named in pa) or family (unpaid: not costed)
rate = 30.00                  # the agency's charge an hour

[sickness]                    # the sickness to plan for, the same for every PA
days_per_year = 5             # sick days a year (default: the UK average)
spell_days = 1                # the days in one spell
pay = "statutory"             # statutory (Statutory Sick Pay) or full (normal pay)

[[pa]]                        # one [[pa]] table for each PA
name = "Sam"
age = 35                      # or date_of_birth = 1990-05-17: it sets the NI category, minimum wage and pension
hourly_rate = 13.50           # the base rate an hour
pay_frequency = "weekly"      # weekly, fortnightly, 4-weekly or monthly
# holiday_weeks = 5            # paid holiday a year, in weeks (left out: the statutory entitlement)
pension = "auto"              # auto (enrolled when eligible), opt-out or opt-in

  [pa.enhancements]           # what weekend, night and bank-holiday hours pay, as multiples of the hourly rate
  weekend = 1.25
  night = 1
  bank_holiday = 1.5

  [[pa.shift]]                # one [[pa.shift]] table for each regular shift
  days = ["mon", "wed", "fri"]
  start = "09:00"
  end = "13:00"
  every = 2                   # the rota repeats every 2 weeks...
  week = 1                    # ...and this shift is in week 1 (the seven days from the plan's start)

  [[pa.shift]]
  days = ["tue", "thu"]
  start = "09:00"
  end = "13:00"
  every = 2
  week = 2                    # Tuesdays and Thursdays in the other week

  [[pa.shift]]
  days = ["fri"]
  start = "22:00"             # a shift may run past midnight
  end = "07:00"
  kind = "sleep-in"           # paid a flat sum, not by the hour
  flat = 75.00

[[pa]]
name = "Maria"
age = 52
hourly_rate = 13.00
pay_frequency = "monthly"
hours_per_week = 10           # a summary rota instead of shifts: hours a week...
days = ["sat", "sun"]         # ...spread over these days, from 09:00
"""
