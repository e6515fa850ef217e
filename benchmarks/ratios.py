#!/usr/bin/env python3
"""Prints the results of one JMH run (JSON from -rf json) as Markdown: the table, then the ratios the
issue's targets are stated in. Ratios come from the same run; "best" uses each benchmark's fastest measured
iteration, which is less disturbed by other work on a shared machine than the mean.

Usage: python3 benchmarks/ratios.py benchmarks/target/results.json
"""
import json
import sys

PREFIX = "io.github.cloudfrontsigned.benchmarks."


def load(path):
    with open(path) as f:
        runs = json.load(f)
    results = {}
    for r in runs:
        name = r["benchmark"][len(PREFIX):] if r["benchmark"].startswith(PREFIX) else r["benchmark"]
        params = r.get("params") or {}
        key = name + "".join("[%s=%s]" % (k, params[k]) for k in sorted(params))
        metric = r["primaryMetric"]
        iterations = [x for fork in metric["rawData"] for x in fork]
        results[key] = {"name": name, "params": params, "mean": float(metric["score"]),
                        "error": float(metric["scoreError"]),  # "NaN" with fewer than 3 iterations
                        "best": max(iterations), "unit": metric["scoreUnit"]}
    return results


def number(x):
    return "{:,.0f}".format(x) if x >= 100 else "{:,.1f}".format(x)


def table(results):
    print("| Benchmark | Parameters | ops/s (mean ± 99.9% CI) | best iteration, ops/s | µs/op (mean) |")
    print("|---|---|---:|---:|---:|")
    for key in sorted(results):
        r = results[key]
        params = ", ".join("%s=%s" % kv for kv in sorted(r["params"].items())) or "-"
        error = "± " + number(r["error"]) if r["error"] == r["error"] else ""
        print("| %s | %s | %s %s | %s | %.2f |" % (r["name"], params, number(r["mean"]), error,
                                                      number(r["best"]), 1e6 / r["mean"]))


def ratios(results):
    def get(key):
        return results.get(key)

    rows = []

    def ratio(label, num_key, den_key, target, note=""):
        num, den = get(num_key), get(den_key)
        if not num or not den:
            rows.append((label, "n/a", "n/a", target, "not measured"))
            return
        mean, best = num["mean"] / den["mean"], num["best"] / den["best"]
        rows.append((label, "%.2fx" % mean, "%.2fx" % best, ">= %.1fx" % target,
                     verdict(mean >= target, best >= target) + note))

    def absolute(label, key, target):
        r = get(key)
        if not r:
            rows.append((label, "n/a", "n/a", target, "not measured"))
            return
        rows.append((label, number(r["mean"]) + "/s", number(r["best"]) + "/s", ">= " + number(target) + "/s",
                     verdict(r["mean"] >= target, r["best"] >= target)))

    def overhead(label, without_key, cold_key, limit=0.05):
        without, cold = get(without_key), get(cold_key)
        if not without or not cold:
            rows.append((label, "n/a", "n/a", "< 5%", "not measured"))
            return
        mean = cold["mean"] / without["mean"]  # (1/without) / (1/cold): time share of a cold signing
        best = cold["best"] / without["best"]
        rows.append((label, "%.2f%%" % (100 * mean), "%.2f%%" % (100 * best), "< %.0f%%" % (100 * limit),
                     verdict(mean < limit, best < limit)))

    sdk = "SdkBaselineBenchmark.cannedUrl"
    ratio("cold RSA-2048 canned URL, Corretto vs SDK", "SigningBenchmark.coldRsaCannedUrl[provider=CORRETTO]", sdk, 2.0)
    ratio("cold RSA-2048 canned URL, JDK vs SDK", "SigningBenchmark.coldRsaCannedUrl[provider=JDK]", sdk, 1.2)
    ratio("cold RSA-2048 custom-policy cookies, Corretto vs SDK",
          "SigningBenchmark.coldRsaCustomPolicyCookies[provider=CORRETTO]", "SdkBaselineBenchmark.customPolicyCookies", 2.0)
    ratio("cold RSA-2048 custom-policy cookies, JDK vs SDK",
          "SigningBenchmark.coldRsaCustomPolicyCookies[provider=JDK]", "SdkBaselineBenchmark.customPolicyCookies", 1.2)
    absolute("cold ECDSA P-256 canned URL, BouncyCastle (no native code)",
             "SigningBenchmark.coldEcdsaCannedUrl[provider=BOUNCY_CASTLE]", 8000)
    absolute("cold ECDSA P-256 canned URL, Corretto (native)", "SigningBenchmark.coldEcdsaCannedUrl[provider=CORRETTO]", 45000)
    absolute("warm canned URL (cache hit)", "SigningBenchmark.warmCannedUrl", 1_000_000)
    for key_type, cold, label in [
            ("RSA", "SigningBenchmark.coldRsaCannedUrl[provider=JDK]", "RSA-2048, JDK"),
            ("RSA", "SigningBenchmark.coldRsaCannedUrl[provider=CORRETTO]", "RSA-2048, Corretto"),
            ("EC", "SigningBenchmark.coldEcdsaCannedUrl[provider=JDK]", "ECDSA P-256, JDK"),
            ("EC", "SigningBenchmark.coldEcdsaCannedUrl[provider=BOUNCY_CASTLE]", "ECDSA P-256, BouncyCastle"),
            ("EC", "SigningBenchmark.coldEcdsaCannedUrl[provider=CORRETTO]", "ECDSA P-256, Corretto")]:
        overhead("everything but the signature, share of a cold signing, " + label,
                 "SigningOverheadBenchmark.coldCannedUrlWithoutSignature[cacheSize=10000][keyType=%s]" % key_type, cold)

    print("| Target | mean | best iteration | target | verdict |")
    print("|---|---:|---:|---:|---|")
    for row in rows:
        print("| %s | %s | %s | %s | %s |" % row)

    print()
    print("Cold signing as a share of the bare primitive on the same provider (1.00 = no overhead at all):")
    print()
    print("| Cold signing | primitive | mean | best iteration |")
    print("|---|---|---:|---:|")
    for cold, primitive in [
            ("SigningBenchmark.coldRsaCannedUrl[provider=JDK]", "PrimitiveBenchmark.sign[engine=SHA1withRSA:JDK]"),
            ("SigningBenchmark.coldRsaCannedUrl[provider=CORRETTO]", "PrimitiveBenchmark.sign[engine=SHA1withRSA:CORRETTO]"),
            ("SdkBaselineBenchmark.cannedUrl", "PrimitiveBenchmark.sign[engine=SHA1withRSA:JDK]"),
            ("SigningBenchmark.coldEcdsaCannedUrl[provider=JDK]", "PrimitiveBenchmark.sign[engine=SHA256withECDSA:JDK]"),
            ("SigningBenchmark.coldEcdsaCannedUrl[provider=BOUNCY_CASTLE]",
             "PrimitiveBenchmark.sign[engine=SHA256withECDSA:BOUNCY_CASTLE]"),
            ("SigningBenchmark.coldEcdsaCannedUrl[provider=CORRETTO]",
             "PrimitiveBenchmark.sign[engine=SHA256withECDSA:CORRETTO]")]:
        c, p = get(cold), get(primitive)
        if c and p:
            print("| %s | %s | %.2f | %.2f |" % (cold, primitive.split("=")[1].rstrip("]"),
                                                 c["mean"] / p["mean"], c["best"] / p["best"]))


def verdict(mean_ok, best_ok):
    if mean_ok and best_ok:
        return "met"
    if best_ok:
        return "met on the best iteration only"
    return "NOT met"


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: ratios.py results.json")
    results = load(sys.argv[1])
    table(results)
    print()
    ratios(results)
