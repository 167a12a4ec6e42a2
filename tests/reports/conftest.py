"""Figures for report tests: an organisation whose people write their names in many scripts."""

from __future__ import annotations

from datetime import date

import pytest

from app.overview_figures import HeadcountRow, OrganisationOverview, RoleHeadcountRow

NAMES = ("Łukasz", "Zoë", "李娜", "Ngọc", "Øyvind", "Άννα", "Мария", "Jürgen")


@pytest.fixture
def overview() -> OrganisationOverview:
    return OrganisationOverview(
        organisation_name="Nordlicht & Söhne GmbH",
        generated_on=date(2025, 3, 7),
        active_people=183,
        inactive_people=9,
        departments=[
            HeadcountRow("Engineering", 60),
            HeadcountRow("Sales <EMEA> & Partners", 40),
            HeadcountRow("研发部", 30),
            HeadcountRow("Obsługa klienta", 28),
            HeadcountRow("Legal", 3),
        ],
        tracks=[
            HeadcountRow("Executive", 8),
            HeadcountRow("Technical", 70),
            HeadcountRow("Domain expert", 45),
            HeadcountRow("Frontline", 55),
            HeadcountRow("Custom", 5),
        ],
        roles=[
            RoleHeadcountRow("Engineering", "Team lead (Łukasz)", "Executive", 8),
            RoleHeadcountRow("Engineering", "Engineer — Zoë's team", "Technical", 52),
            RoleHeadcountRow("研发部", "研究员 李娜", "Technical", 30),
            RoleHeadcountRow("Sales <EMEA> & Partners", "Account lead Ngọc", "Domain expert", 40),
            RoleHeadcountRow("Obsługa klienta", "Agent Øyvind", "Frontline", 28),
            RoleHeadcountRow("Legal", "Counsel Άννα / Мария / Jürgen", "Domain expert", 3),
        ],
        locations=[
            HeadcountRow("Kraków", 50),
            HeadcountRow("München", 70),
            HeadcountRow("上海", 30),
            HeadcountRow("Hà Nội", 33),
        ],
        department_count=5,
        role_count=6,
        location_count=4,
        people_without_department=22,
        people_without_role=22,
        managers=14,
    )


@pytest.fixture
def empty_overview() -> OrganisationOverview:
    return OrganisationOverview(
        organisation_name="Brand-new Ltd",
        generated_on=date(2025, 1, 2),
        active_people=0,
        inactive_people=0,
    )
