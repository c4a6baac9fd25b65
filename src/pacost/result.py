"""The costed result of one plan: what every renderer reads (``pacost cost --format json`` is its JSON), and
nothing else.

``CostResult`` holds the breakdown (``CostLine`` per fixed line id, in ``LINE_IDS`` order), the hours, the verdict
figures, each PA's figures (``PaResult``, with their pay periods, ``PeriodDetail``, when asked for), the warnings,
the assumptions and the rates used. Money is exact, to the penny. The engine (``pacost.engine``) makes it; the
renderers (``pacost.render``) only format it, so they import this module, never the engine.
"""

from datetime import date
from decimal import Decimal
from typing import NamedTuple

from pacost import __version__

#: The schema version of the JSON result (bump on any change that breaks a reader). 2: the lines ``recruitment``
#: and ``contingency``, and ``liabilities`` and ``contingency`` beside the lines.
RESULT_SCHEMA = 2

LINE_LABELS: dict[str, str] = {
    "wages": "Wages for hours worked",
    "holiday_pay": "Holiday pay",
    "sick_pay": "Sick pay",
    "holiday_cover": "Cover while PAs are on holiday",
    "sick_cover": "Cover while PAs are off sick",
    "employer_ni": "Employer's National Insurance",
    "employment_allowance": "Employment Allowance (offsets employer's NI)",
    "pension": "Workplace pension (employer's contribution)",
    "insurance": "Employer's liability insurance",
    "payroll": "Payroll service",
    "other": "Other costs",
    "recruitment": "Replacing PAs who leave (recruitment and training)",
    "contingency": "Building the contingency reserve",
}
#: The lines a plan has only when it asks for them (zero otherwise, and then left out of the views people read).
ASKED_FOR_LINES = ("recruitment", "contingency")
LINE_IDS = tuple(LINE_LABELS)


class CostLine(NamedTuple):
    id: str
    label: str
    amount: Decimal
    per_week: Decimal
    detail: str | None = None


class WholePeriod(NamedTuple):
    """A last pay period that runs past the plan's end, whole: as the PA works it and is paid for it (the rota
    continued, the figures in force on the plan's last day). The plan counts the share of its employer NI and
    pension that its earnings inside the plan are of its earnings here."""

    end: date  # its last day: the real pay date
    days: int
    earnings: Decimal
    employer_ni: Decimal
    pension: Decimal


class PeriodDetail(NamedTuple):
    """One PA's pay period inside the plan: what they earned, the NI category, employer NI and pension. For a last
    period that runs past the plan's end, ``end`` is the plan's last day, ``pay_date`` the period's own, and
    ``whole_period`` the period as a whole."""

    start: date
    end: date
    pay_date: date
    days: int
    whole: bool
    wages: Decimal
    holiday_pay: Decimal
    sick_pay: Decimal
    cover_pay: Decimal
    earnings: Decimal
    ni_category: str
    employer_ni: Decimal
    pension: Decimal
    whole_period: WholePeriod | None = None


class PaResult(NamedTuple):
    name: str
    hourly_rate: Decimal
    pay_frequency: str
    planned_hours: Decimal
    hours_worked: Decimal
    holiday_hours: Decimal
    sick_hours: Decimal
    cover_hours_worked: Decimal
    gross_pay: Decimal
    employer_ni: Decimal
    pension: Decimal
    periods: list[PeriodDetail]  # empty unless the pay periods were asked for
    period_count: int
    # What the plain statements read (``pacost.render.words.plain_statements``): the PA at the plan's start, their
    # pension choice, and their bank-holiday rate with the hours it applies to.
    age_at_start: int = 0
    minimum_wage_at_start: Decimal | None = None
    over_state_pension_age_at_start: bool = False
    pension_choice: str = "auto"
    pension_minimum_age: int = 0  # the age automatic enrolment starts at, at the plan's start
    bank_holiday_multiplier: Decimal = Decimal(1)
    bank_holiday_hours: Decimal = Decimal(0)


class Hours(NamedTuple):
    planned: Decimal
    by_pas: Decimal
    holiday_cover: Decimal
    sick_cover: Decimal
    unpaid_family: Decimal
    sleep_in: Decimal
    planned_per_week: Decimal


class PaLiability(NamedTuple):
    """What the employer would owe one PA if their employment ended on the day (``Liabilities.ending``): statutory
    redundancy pay, notice pay and the holiday accrued in the leave year, with the employer's NI and pension on
    what they are due on (not on redundancy pay)."""

    name: str
    employed_since: date
    years_of_service: int
    age: int
    week_pay: Decimal  # the average week's pay over the 12 weeks before the day (for redundancy and notice)
    week_pay_limit: Decimal  # the most a week's pay counts for in redundancy pay on the day
    redundancy_weeks: Decimal
    redundancy_pay: Decimal
    notice_weeks: int
    notice_pay: Decimal
    notice_employer_ni: Decimal
    notice_pension: Decimal
    leave_year_start: date
    holiday_week_pay: Decimal  # the average week's pay over the 52 weeks before the day (for holiday pay)
    holiday_weeks: Decimal  # accrued in the leave year to the day
    holiday_pay: Decimal
    holiday_employer_ni: Decimal
    total: Decimal


class Liabilities(NamedTuple):
    """What the employer would owe if every PA's employment ended on ``ending`` — never part of the recurring
    cost."""

    ending: date
    pas: list[PaLiability]
    redundancy_pay: Decimal
    notice_pay: Decimal
    holiday_pay: Decimal
    employer_ni: Decimal  # on notice pay and holiday pay
    pension: Decimal  # on notice pay
    total: Decimal


class Reserve(NamedTuple):
    """The contingency reserve the plan asks for (``[contingency] reserve``): its basis as the plan wrote it
    (``"liabilities"``, ``"8 weeks"``, or ``"amount"``), the sum, whether the budget funds it (the ``contingency``
    line), and, when the plan gives the council's balance limit, that limit as money and how far the reserve is
    over it."""

    basis: str
    amount: Decimal
    funded: bool
    balance_limit: Decimal | None
    over_balance_limit: Decimal | None  # None when no limit is given; zero when the reserve fits


class Recruitment(NamedTuple):
    """The expected cost of replacing PAs who leave (the ``recruitment`` line): the share who leave a year, the
    hires expected over the plan, and what one hire costs (its one-off costs, and training) on average."""

    turnover_percent: Decimal
    expected_hires: Decimal
    cost_per_hire: Decimal


class CostResult(NamedTuple):
    """Everything ``pacost cost`` reports for one plan. Money is exact, to the penny."""

    plan: str
    source: str
    start: date
    end: date
    days: int
    nation: str
    hours: Hours
    lines: list[CostLine]
    total: Decimal
    budget: Decimal
    budget_per: str
    budget_amount: Decimal
    difference: Decimal
    covered: bool
    share_covered_percent: Decimal | None
    total_per_week: Decimal
    budget_per_week: Decimal
    difference_per_week: Decimal
    rota_pay: Decimal
    cost_per_planned_hour: Decimal | None
    hours_per_week_budget_buys: Decimal | None
    max_affordable_hourly_rate: Decimal | None
    budget_needed: Decimal
    on_cost_percent: Decimal | None
    funded_hours_per_week: Decimal | None
    budget_implied_hourly_rate: Decimal | None
    pas: list[PaResult]
    warnings: list[str]
    assumptions: list[str]
    rates_used: list[str]
    rates_carried_forward: bool
    sha256: str
    # The budget the plan needs a week, every four weeks and a year (and per the budget's own period, as
    # ``budget_needed``), and a week's of it for each hour the council says it funds.
    needed_every: dict[str, Decimal] | None = None
    needed_per_funded_hour: Decimal | None = None
    # The pay floor the council has committed to (``budget.pay_commitment``): its name in words, the rate at the
    # plan's start, and the day that rate started.
    pay_commitment: tuple[str, Decimal, date] | None = None
    liabilities: Liabilities | None = None
    reserve: Reserve | None = None
    recruitment: Recruitment | None = None
    overrides: tuple[str, ...] = ()  # the changes made to the plan for this run, as written
    scenario: str | None = None  # their name, in a comparison
    pacost_version: str = __version__
    schema: int = RESULT_SCHEMA

    def line(self, line_id: str) -> CostLine:
        return next(line for line in self.lines if line.id == line_id)
