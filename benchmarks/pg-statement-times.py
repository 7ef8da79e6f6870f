#!/usr/bin/env python3
# Sums PostgreSQL statement durations from a server log written with log_min_duration_statement = 0,
# per statement shape (parameters and literals blanked), largest first. Usage: pg-statement-times.py LOGFILE
import sys, re, collections
d=collections.Counter(); n=collections.Counter()
for line in open(sys.argv[1], errors='replace'):
    m=re.search(r'duration: ([\d.]+) ms\s+(\w+)?[^:]*: (.*)', line)
    if not m: continue
    ms=float(m.group(1)); phase=m.group(2) or ''; sql=m.group(3)
    sql=re.sub(r'\$\d+','?',sql); sql=re.sub(r"'[^']*'","'x'",sql); sql=re.sub(r'\(\?(, \?)*\)(, \(\?(, \?)*\))*','(..)',sql)
    key=(phase, sql[:110])
    d[key]+=ms; n[key]+=1
tot=sum(d.values()); print('total ms', round(tot))
for k,v in d.most_common(18): print(f"{v:9.0f} ms {n[k]:6d}x  {k[0]:8s} {k[1]}")
