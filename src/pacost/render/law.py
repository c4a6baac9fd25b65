"""The law the advocacy report cites, for the plan's nation: what governs a direct payment's amount in England, Wales,
Scotland and Northern Ireland, the UK-wide rule on the Employment Allowance, and, for England, ombudsman decisions
as examples (not law).

Each reference is a plain-English paraphrase with a link, and holds the exact words it quotes (``quote``), as read
at the official source at ``quote_url``; ``tests/legal_sources/`` keeps those sources' text, and a test checks every
quote against it. A passage whose text could not be read is never paraphrased: the instrument is named in
``not_read`` and the report says so. No cost is worked out here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pacost.statutory.bank_holidays import Nation


@dataclass(frozen=True)
class LegalRef:
    title: str
    links: tuple[tuple[str, str], ...]  # (text, url)
    text: str  # the paraphrase
    quote: str | None = None  # the exact words quoted, as read at ``quote_url``
    quote_url: str | None = None


@dataclass(frozen=True)
class NationLaw:
    """The law for one nation's plans: its governing references, what could not be read (named only), and examples
    of decisions that turned on a direct payment's amount."""

    nation: Nation
    refs: tuple[LegalRef, ...]
    not_read: str
    examples: tuple[LegalRef, ...] = field(default_factory=tuple)


_LEG = "https://www.legislation.gov.uk"

EMPLOYMENT_ALLOWANCE = LegalRef(
    "HMRC National Insurance Manual NIM06520: Employment Allowance for care and support workers (UK-wide)",
    (
        ("gov.uk: NIM06520", "https://www.gov.uk/hmrc-internal-manuals/national-insurance-manual/nim06520"),
        (
            "gov.uk: employers of care and support workers and Employment Allowance",
            "https://www.gov.uk/government/publications/employment-allowance-more-detailed-guidance/"
            "employers-of-care-and-support-workers-and-employment-allowance-further-employer-guidance",
        ),
    ),
    "A household employer normally cannot claim the Employment Allowance, but a person who employs a care or "
    "support worker for someone who needs care — including with a direct payment from their local authority — can. "
    "It is one allowance per employer, set against the employer's National Insurance for all their PAs up to the "
    "yearly amount. This report shows employer's NI both before and after it.",
    "they receive a direct payment for care from the NHS or their local authority and they use this to employ a care "
    "and support worker",
    "https://www.gov.uk/hmrc-internal-manuals/national-insurance-manual/nim06520",
)

ENGLAND = NationLaw(
    Nation.ENGLAND,
    (
        LegalRef(
            "Care Act 2014, section 26: the personal budget",
            (
                ("legislation.gov.uk: Care Act 2014, s.26", f"{_LEG}/ukpga/2014/23/section/26"),
                ("as enacted", f"{_LEG}/ukpga/2014/23/section/26/enacted"),
            ),
            "A personal budget is a statement of the cost to the local authority of meeting the needs it must or has "
            "decided to meet, how much of that cost the person must pay after the financial assessment, and how much "
            "the authority must pay. The budget is meant to be the cost of meeting the needs in the plan.",
            "the cost to the local authority of meeting those of the adult’s needs which it is required or decides to "
            "meet",
            f"{_LEG}/ukpga/2014/23/section/26/enacted",
        ),
        LegalRef(
            "Care Act 2014, sections 25, 31 and 32: direct payments",
            (
                ("legislation.gov.uk: s.31", f"{_LEG}/ukpga/2014/23/section/31"),
                ("s.32", f"{_LEG}/ukpga/2014/23/section/32"),
                ("s.25", f"{_LEG}/ukpga/2014/23/section/25"),
                ("as enacted", f"{_LEG}/ukpga/2014/23/part/1/crossheading/direct-payments/enacted"),
            ),
            "Where the personal budget specifies an amount the authority must pay towards the cost of meeting the "
            "needs, and the person asks, the authority must make direct payments when the conditions are met (section "
            "31; section 32 where the person lacks capacity), and the care plan must say their amount and how often "
            "they are paid (section 25). Where the person meets those needs by employing PAs, the direct payment is "
            "what pays the costs the law puts on an employer.",
            "specifies an amount which the local authority must pay towards the cost of meeting the needs to which "
            "the personal budget relates",
            f"{_LEG}/ukpga/2014/23/part/1/crossheading/direct-payments/enacted",
        ),
        EMPLOYMENT_ALLOWANCE,
    ),
    "The Care and Support Statutory Guidance is often cited on the personal budget's sufficiency and transparency "
    "(paragraphs 10.27 and 11.24 to 11.26) and on direct payments and the costs of employing PAs (chapter 12); "
    "section 33 of the Care Act and the Care and Support (Direct Payments) Regulations 2014 set further rules. Their "
    "text could not be read at its official source for this report, so they are named here, not paraphrased.",
    (
        LegalRef(
            "West Berkshire Council, 24 014 783: redundancy pay",
            (
                (
                    "lgo.org.uk: 24 014 783",
                    "https://www.lgo.org.uk/decisions/adult-care-services/direct-payments/24-014-783",
                ),
            ),
            "The Ombudsman upheld the complaint: the council had not kept the direct payments under review, and it "
            "agreed to pay the PAs' redundancy pay.",
            "The Council has now agreed to make the redundancy payments",
            "https://www.lgo.org.uk/decisions/adult-care-services/direct-payments/24-014-783",
        ),
        LegalRef(
            "London Borough of Lambeth, 18 002 708 (5 July 2019): wages and redundancy",
            (
                (
                    "lgo.org.uk: 18 002 708",
                    "https://www.lgo.org.uk/decisions/adult-care-services/direct-payments/18-002-708",
                ),
            ),
            "Fault found; the council was to apologise, pay £250, and pay the carers' wages for December 2017 and "
            "their redundancy pay.",
            "pay her carers’ invoiced wages for December 2017 plus redundancy payments",
            "https://www.lgo.org.uk/decisions/adult-care-services/direct-payments/18-002-708",
        ),
        LegalRef(
            "London Borough of Bexley, 24 005 655: a minimum wage rise passed on late",
            (
                (
                    "lgo.org.uk: 24 005 655",
                    "https://lgo.org.uk/decisions/education/special-educational-needs/24-005-655",
                ),
            ),
            "The council delayed raising the direct payments with the National Minimum Wage from April to June 2024, "
            "so the carers could not be paid in full; fault found.",
            "The Council delayed implementing the increase which meant Mr X could not fully pay carers during that "
            "period.",
            "https://lgo.org.uk/decisions/education/special-educational-needs/24-005-655",
        ),
        LegalRef(
            "West Sussex County Council, 19 018 597 (11 February 2021): recruitment costs",
            (
                (
                    "lgo.org.uk: 19 018 597",
                    "https://www.lgo.org.uk/decisions/adult-care-services/direct-payments/19-018-597",
                ),
            ),
            "The council paid less than it should have towards recruitment costs; fault found and put right.",
            "We found the Council was at fault in paying Ms B less than it should have towards recruitment costs",
            "https://www.lgo.org.uk/decisions/adult-care-services/direct-payments/19-018-597?displaypref=1",
        ),
        LegalRef(
            "Central Bedfordshire Council, 24 017 352 (23 June 2025): no fault",
            (
                (
                    "lgo.org.uk: 24 017 352",
                    "https://www.lgo.org.uk/decisions/adult-care-services/direct-payments/24-017-352",
                ),
            ),
            "The Ombudsman found no fault in the council's decision making on statutory redundancy pay it had not "
            "made.",
            "The Ombudsman finds no fault with the Council’s decision making.",
            "https://www.lgo.org.uk/decisions/adult-care-services/direct-payments/24-017-352",
        ),
    ),
)

WALES = NationLaw(
    Nation.WALES,
    (
        LegalRef(
            "Social Services and Well-being (Wales) Act 2014, section 50: direct payments",
            (
                ("legislation.gov.uk: s.50", f"{_LEG}/anaw/2014/4/section/50"),
                ("as enacted", f"{_LEG}/anaw/2014/4/part/4/crossheading/direct-payments/enacted"),
            ),
            "Regulations may require or allow a local authority to make payments towards the cost of meeting an "
            "adult's needs for care and support, when the adult (or a suitable person for an adult who lacks "
            "capacity) can manage them and consents; the Care and Support (Direct Payments) (Wales) Regulations 2015 "
            "make the duty. The payments are towards the cost of meeting the needs; this report sets out that cost "
            "when the needs are met by employing PAs.",
            "payments to a person towards the cost of meeting an adult’s needs for care and support",
            f"{_LEG}/anaw/2014/4/part/4/crossheading/direct-payments/enacted",
        ),
        LegalRef(
            "The Care and Support (Direct Payments) (Wales) Regulations 2015 (S.I. 2015/1815 (W. 260))",
            (("legislation.gov.uk: explanatory note", f"{_LEG}/wsi/2015/1815/note/made"),),
            "The local authority must make direct payments whenever the Act's conditions are met (regulation 2).",
            "The duty will apply in all cases when the conditions contained in sections 50, 51 or 52 of the Act are "
            "met",
            f"{_LEG}/wsi/2015/1815/note/made/data.htm",
        ),
        LegalRef(
            "Welsh Government, written answer WQ86326 (24 October 2022): the employer's responsibilities",
            (("senedd.wales: WQ86326", "https://record.senedd.wales/WrittenQuestion/86326"),),
            "Where a direct payment is used to employ someone, local authorities must make sure the person knows "
            "their legal responsibilities as an employer and has the support and resources to meet them.",
            "they receive the necessary support and resources to manage their statutory employment responsibilities",
            "https://record.senedd.wales/WrittenQuestion/86326",
        ),
        EMPLOYMENT_ALLOWANCE,
    ),
    "The Part 4 Code of Practice (Meeting Needs) under the 2014 Act, sections 51 to 53 of the Act, and the 2015 "
    "Regulations' provisions on the amount of a direct payment are the other texts on it; their text could not be "
    "read at its official source for this report, so they are named here, not paraphrased.",
)

SCOTLAND = NationLaw(
    Nation.SCOTLAND,
    (
        LegalRef(
            "Social Care (Self-directed Support) (Scotland) Act 2013, section 5: the relevant amount",
            (("legislation.gov.uk: s.5", f"{_LEG}/asp/2013/1/section/5"),),
            "The authority must give the person the choice of the options for self-directed support (a direct "
            "payment is Option 1) and must tell them the relevant amount — the budget — for each option and the "
            "period it covers.",
            "the amount that is the relevant amount for each of the options for self-directed support",
            f"{_LEG}/asp/2013/1/section/5/data.html",
        ),
        LegalRef(
            "The Self-directed Support (Direct Payments) (Scotland) Regulations 2014 (SSI 2014/25)",
            (("legislation.gov.uk: explanatory note", f"{_LEG}/ssi/2014/25/note/made"),),
            "Made under section 15 of the 2013 Act, they make further provision about direct payments: means "
            "testing, payment by instalments, and when a direct payment may end.",
            "make further provision about direct payments",
            f"{_LEG}/cy/ssi/2014/25/note/made/data.htm",
        ),
        LegalRef(
            "Scottish Government, statutory guidance on self-directed support (updated October 2022), section 8: "
            "employment",
            (
                (
                    "gov.scot: section 8",
                    "https://www.gov.scot/publications/statutory-guidance-accompany-social-care-self-directed-"
                    "support-scotland-act-2013-2/pages/10/",
                ),
            ),
            "A PA is an employee of the person receiving an Option 1 direct payment; the authority should make sure "
            "the person knows the responsibilities of employing a PA.",
            "is made aware of the general responsibilities that come with direct payment options, including those "
            "associated with safe and effective employment of a Personal Assistant",
            "https://www.gov.scot/publications/statutory-guidance-accompany-social-care-self-directed-support-"
            "scotland-act-2013-2/pages/10/",
        ),
        LegalRef(
            "Scottish Government, Self-directed Support Framework of Standards (2024), Standard 12",
            (
                (
                    "gov.scot: Standard 12",
                    "https://www.gov.scot/publications/self-directed-support-framework-standards-including-standard-"
                    "descriptor-practice-statement-core-components-practice-guidance-updated-2024/pages/18/",
                ),
            ),
            "Funding is to be allocated transparently, fairly, equitably and sufficiently.",
            "Available funding is allocated in a way that is transparent, fair, equitable and sufficient",
            "https://www.gov.scot/publications/self-directed-support-framework-standards-including-standard-"
            "descriptor-practice-statement-core-components-practice-guidance-updated-2024/pages/18/",
        ),
        EMPLOYMENT_ALLOWANCE,
    ),
    "Section 4 of the 2013 Act (which defines a direct payment and the relevant amount), the guidance's passages on "
    "budgets, redundancy and contingency, and Standard 13 on direct payments for employing PAs are the other texts "
    "on it; their text could not be read at its official source for this report, so they are named here, not "
    "paraphrased.",
)

NORTHERN_IRELAND = NationLaw(
    Nation.NORTHERN_IRELAND,
    (
        LegalRef(
            "Carers and Direct Payments Act (Northern Ireland) 2002, section 8: direct payments",
            (("legislation.gov.uk: s.8", f"{_LEG}/nia/2002/6/section/8"),),
            "Regulations may require or allow a Health and Social Care Trust to make payments, with the person's "
            "consent, for them to secure the services they would otherwise be provided.",
            "such payments to him as the authority may determine in accordance with the regulations in respect of his "
            "securing the provision of the service",
            f"{_LEG}/nia/2002/6/section/8/enacted?view=plain",
        ),
        LegalRef(
            "The Personal Social Services and Children's Services (Direct Payments) Regulations (Northern Ireland) "
            "2004 (S.R. 2004/120)",
            (("legislation.gov.uk: explanatory note", f"{_LEG}/nisr/2004/120/note/made"),),
            "A direct payment is made gross, or net of what the Trust decides the person should pay towards the "
            "service (regulation 5).",
            "Regulation 5 provides that a direct payment shall be made either gross or net of such amount determined "
            "by the authority as being due by the person in respect of the service.",
            "https://legislation.gov.uk/nisr/2004/120/note/made?view=plain",
        ),
        LegalRef(
            "nidirect: direct payments",
            (("nidirect.gov.uk", "https://www.nidirect.gov.uk/articles/direct-payments-children-disabilities"),),
            "The Trust decides the amount from the support the person needs.",
            "Your HSC Trust will decide how much money you get, based on what support you need.",
            "https://www.nidirect.gov.uk/articles/direct-payments-children-disabilities",
        ),
        EMPLOYMENT_ALLOWANCE,
    ),
    "Regulation 5 of the 2004 Regulations itself, section 8(4) and (5) of the 2002 Act and the Department of Health's "
    "Direct Payments Scheme Guidance are the other texts on the amount; their text could not be read at its "
    "official source for this report, so they are named here, not paraphrased.",
)

LAW: dict[Nation, NationLaw] = {law.nation: law for law in (ENGLAND, WALES, SCOTLAND, NORTHERN_IRELAND)}


def law_for(nation: str) -> NationLaw:
    """The law for a plan in ``nation``."""
    return LAW[Nation(nation)]
