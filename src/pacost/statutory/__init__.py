"""The statutory rules an employer of personal assistants applies, one small module each, each written once and
called by the cost engine (``pacost.engine``) and the tests alike:

- ``ni``: employer (Class 1 secondary) National Insurance for one pay period, and the NI category letter;
- ``allowance``: the Employment Allowance set against one employer's NI across a tax year;
- ``pension``: workplace pension automatic enrolment, period by period;
- ``ssp``: Statutory Sick Pay for a spell of sickness, under the rules before and from 6 April 2026;
- ``holiday``: the share of the year on paid leave, and rolled-up holiday pay;
- ``minimum_wage``: the minimum hourly rate for a worker's age on a date;
- ``state_pension``: a person's age on a date and their State Pension age;
- ``bank_holidays``: the bank holidays (days off) of each UK nation;
- ``summer_time``: when the clocks go forward and back, so that a night's real hours are counted.

The figures come from ``pacost.rates``; plans, rotas and the terminal are not known here.
"""
