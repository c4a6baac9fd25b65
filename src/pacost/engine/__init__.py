"""The cost engine: a plan in, a costed result out, one module per stage of the pipeline. What it does is
described for people in ``docs/cost-model.md``; "cost model §N" in the docstrings refers to its sections.

- ``periods``: pay periods, shared as grids, and the plan's days cut at each 6 April;
- ``rota``: a PA's shifts summed into any run of pay periods by kind of hour (weekend, night, bank holiday);
- ``prepare``: everything that does not depend on an hourly rate, with periods alike in all of it as shapes;
- ``price``: the plan priced at given rates, every statutory rule from ``pacost.statutory``;
- ``affordable``: the highest base rate a budget affords, pricing as a black box;
- ``checks`` and ``assumptions``: the warnings and what the result says it assumed;
- ``cost``: ``cost_plan``, the whole pipeline.

The result it returns is ``pacost.result.CostResult``. Nothing here imports typer or rich, or prints. Submodules are
imported by name (``from pacost.engine.cost import cost_plan``): the plan reader uses the rota's shift patterns, so
this package imports nothing itself.
"""
