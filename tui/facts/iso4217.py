"""ISO 4217 currency codes: the ones a fact file may use, and a guess for a code that is not one.

The codes are ISO 4217 list one (current currencies and funds, with the codes for gold, silver,
platinum, palladium, bond-market units, SDR, testing and "no currency"), as amended to 2025:
XCG (Caribbean guilder) and ZWG (Zimbabwe gold) added; HRK, CUC, SLL and ZWL withdrawn.
"""

from __future__ import annotations

ISO_4217: frozenset[str] = frozenset(
    """
    AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN
    BWP BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN
    ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD
    JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT
    MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG
    QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT
    TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF XAG XAU XBA
    XBB XBC XBD XCD XCG XDR XOF XPD XPF XPT XSU XTS XUA XXX YER ZAR ZMW ZWG
    """.split()
)
"""Every code `Money.currency` may take."""

_COMMON_MISTAKES: dict[str, str] = {
    "WON": "KRW",
    "YEN": "JPY",
    "RMB": "CNY",
    "CNH": "CNY",
    "YUA": "CNY",
    "NTD": "TWD",
    "NTW": "TWD",
    "UKP": "GBP",
    "STG": "GBP",
    "GBR": "GBP",
    "RUR": "RUB",
    "HRK": "EUR",
    "EUD": "EUR",
    "USS": "USD",
}
"""Names people write for a currency, and retired codes, with the code they mean."""


def is_currency(code: str) -> bool:
    """Whether `code` is a current ISO 4217 code (upper case, as the file must write it)."""
    return code in ISO_4217


def suggest_currency(code: str) -> str | None:
    """The ISO 4217 code `code` most likely means ('WON' → 'KRW', 'krw' → 'KRW', 'KWR' → 'KRW'), or None."""
    upper = code.strip().upper()
    if upper in ISO_4217:
        return upper
    if upper in _COMMON_MISTAKES:
        return _COMMON_MISTAKES[upper]
    if len(upper) == 3 and upper.isalpha():
        # A swap of two letters is the likeliest typo; then one wrong letter, commonest codes first.
        for i in range(2):
            swapped = upper[:i] + upper[i + 1] + upper[i] + upper[i + 2 :]
            if swapped in ISO_4217:
                return swapped
        # X codes (gold, bond units, testing) are never a currency someone meant to write.
        for known in (*_COMMON_CODES, *sorted(c for c in ISO_4217 if not c.startswith("X"))):
            if sum(a != b for a, b in zip(upper, known, strict=True)) == 1:
                return known
    return None


_COMMON_CODES = ("KRW", "USD", "EUR", "JPY", "CNY", "GBP", "CHF", "CAD", "AUD", "HKD", "SGD", "TWD")
