#!/usr/bin/env python3
"""The same ranking as `bourg rank --weights equal --draws 0`, in pandas: the reference for the "≥ 50× faster"
figure of docs/performance.md (scripts/bench-commands runs both, side by side, as whole processes).

Read the atlas (the long table `indicator_value` and the catalogue), pivot to one row per commune, keep the small
towns (2,500–25,000 inhabitants), score each directional indicator as its percentile rank among them (ties count
half, as Bourg does), average the scores per dimension, weigh the dimensions equally (over those with data),
sort, and print the top 20 as `bourg rank` prints them.

Usage: Benchmarks/pandas_rank.py [ATLAS]   (default: $BOURG_ATLAS, else data/bourg.sqlite)
"""
import os
import sqlite3
import sys

import pandas as pd

atlas = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("BOURG_ATLAS", "data/bourg.sqlite")
connection = sqlite3.connect(f"file:{atlas}?mode=ro", uri=True)
communes = pd.read_sql_query("SELECT rowid AS commune, code, name, departement, population FROM commune", connection)
catalogue = pd.read_sql_query("SELECT id, position, dimension, direction, kind FROM indicator", connection)
values = pd.read_sql_query("SELECT commune, indicator, value FROM indicator_value", connection)

# Peers: the small towns; scored indicators: directional, not categorical, in a weighable dimension.
peers = communes[(communes.population >= 2_500) & (communes.population <= 25_000)].set_index("commune")
scored = catalogue[(catalogue.direction != "neutral") & (catalogue.kind != "category") & (catalogue.dimension != "typologie")]
wide = values[values.commune.isin(peers.index) & values.indicator.isin(scored.position)].pivot(
    index="commune", columns="indicator", values="value").reindex(peers.index)

# Percentile rank among the peers with a value, higher is better, ties counting half: 100 (rank − 1) / (n − 1).
sign = scored.set_index("position").direction.map({"higher": 1.0, "lower": -1.0})
oriented = wide * sign[wide.columns]
counts = oriented.notna().sum()
scores = (oriented.rank(method="average") - 1).div(counts - 1).mul(100)
scores.loc[:, counts == 1] = scores.loc[:, counts == 1].where(oriented.loc[:, counts == 1].isna(), 50.0)

# Dimension scores (mean of the indicator scores that exist), equal weights over the dimensions with data.
dimension_of = scored.set_index("position").dimension[scores.columns]
dimensions = scores.T.groupby(dimension_of.values).mean().T
peers["composite"] = dimensions.mean(axis=1)
ranked = peers.dropna(subset=["composite"]).sort_values("composite", ascending=False, kind="stable")
ranked["rank"] = ranked.composite.rank(method="min", ascending=False).astype(int)
for row in ranked.head(20).itertuples():
    print(f"{row.rank:5d}  {(row.name + ' (' + row.departement + ')'):<40} {row.composite:5.1f}")
