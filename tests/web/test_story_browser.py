"""The whole story of the web pages in Debian's chromium, on a copy of the demo company served by `clientela serve`.

A salesperson answers from the pages alone who their A customers are, who dropped out of VIP this
month and why it matters, which EII customers need recovery, opens one from the scatter and edits
its profile; their supervisor sees how the team complies; another salesperson is refused that
customer and reads the answers in Chinese, Spanish, French and Romanian. Expected figures are read
from the database. The story writes (a profile, languages), so it runs on its own copy of the demo.
"""

import re
import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.fixtures.server import DEMO_PASSWORD, DemoDatabase, run_clientela, served
from tests.web.test_browser import chromium, log_in, page  # noqa: F401 (chromium and page are fixtures)

pytestmark = pytest.mark.browser

SALESPERSON, SUPERVISOR, OTHER = "sales6", "supervisor2", "sales1"  # sales6 has a VIP drop-out in the demo's last month
# The overview's three questions and the VIP explanation's first words in each language (the .po files).
QUESTIONS = {
    "zh-hans": ("我的 A 类客户有哪些？", "本月谁退出了 VIP，为何值得关注", "哪些 EII 客户需要挽回？"),
    "es": ("¿Quiénes son mis clientes A?", "Quién salió de VIP este mes y por qué importa", "¿Qué clientes EII hay que recuperar?"),
    "fr": ("Qui sont mes clients A ?", "Qui est sorti des VIP ce mois-ci, et pourquoi c'est important", "Quels clients EII faut-il reconquérir ?"),
    "ro": ("Care sunt clienții mei A?", "Cine a ieșit din VIP luna aceasta și de ce contează", "Ce clienți EII trebuie recuperați?"),
}


@pytest.fixture(scope="module")
def story(demo_database, tmp_path_factory) -> Iterator[tuple[str, DemoDatabase]]:
    """`clientela serve` on a copy of the demo, its segmentation runs due until today done first; yields the base URL and the copy.

    The server runs the due segmentations when it starts: done before, the classes the pages show do not change under the test.
    """
    folder = tmp_path_factory.mktemp("story")
    copy = DemoDatabase(folder / "demo.db", demo_database.build)
    shutil.copyfile(demo_database.path, copy.path)
    due = run_clientela("segment", "--due", database=copy.path, cwd=folder)
    assert due.returncode == 0, str(due)
    with served(copy.path, folder) as server:
        yield server.url, copy


def latest_labels(database: DemoDatabase, scheme: str, label: str, owner: str) -> set[int]:
    """Ids of the owner's customers in a class of the scheme's latest snapshot."""
    rows = database.query(
        "SELECT c.id FROM customer_classes cc JOIN customers c ON c.id = cc.customer_id JOIN users u ON u.id = c.owner_id"
        " WHERE u.username = ? AND cc.label = ? AND cc.snapshot_id = (SELECT s.id FROM scheme_snapshots s JOIN schemes sc ON sc.id = s.scheme_id"
        " WHERE sc.name = ? ORDER BY s.as_of DESC, s.version DESC LIMIT 1)",
        owner, label, scheme,
    )  # fmt: skip
    return {pk for (pk,) in rows}


def members(database: DemoDatabase, group: int) -> set[int]:
    """Ids of the customers in a group."""
    return {pk for (pk,) in database.query("SELECT customer_id FROM customer_tags WHERE tag_id = ?", group)}


def linked(page: Page, section: str, count: int) -> set[int]:
    """The ids of the customers linked in a section of the page, once it lists `count` of them."""
    links = page.get_by_role("region", name=section).locator("tbody tr a")
    expect(links).to_have_count(count)
    return {int(re.search(r"/customers/(\d+)/", href).group(1)) for href in links.evaluate_all("links => links.map(link => link.href)")}


def choose_language(page: Page, base_url: str, language: str) -> None:
    """Choose the user's language on the settings page, as the user would."""
    page.goto(base_url + "/settings/")
    page.locator("#id_language").select_option(language)
    page.locator("#id_language").evaluate("select => select.form.requestSubmit()")
    expect(page.locator("html")).to_have_attribute("lang", language)


def test_the_story_of_the_web_pages(page: Page, story):  # noqa: F811
    base_url, database = story
    a_customers = latest_labels(database, "abc", "A", SALESPERSON)
    eii = latest_labels(database, "matrix", "EII", SALESPERSON)
    dropped = {pk for (pk,) in database.query(
        "SELECT c.id FROM class_changes ch JOIN customers c ON c.id = ch.customer_id JOIN users u ON u.id = c.owner_id JOIN schemes sc ON sc.id = ch.scheme_id"
        " WHERE u.username = ? AND sc.name = 'vip' AND ch.from_class = 'vip' AND ch.snapshot_id = (SELECT MAX(snapshot_id) FROM class_changes WHERE scheme_id = sc.id)",
        SALESPERSON,
    )}  # fmt: skip
    assert a_customers and eii and dropped, "the demo gives the salesperson A and EII customers and a VIP drop-out"

    # A salesperson: my A customers, this month's VIP drop-outs and why it matters, the EII customers to recover.
    log_in(page, base_url, SALESPERSON, DEMO_PASSWORD)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Dashboards").click()
    expect(page.get_by_role("region", name="Who are my A customers?")).to_contain_text(f"{len(a_customers)} customers are in class A")
    assert linked(page, "Who are my A customers?", len(a_customers)) == a_customers
    vip = page.get_by_role("region", name="Who dropped out of VIP this month, and why it matters")
    expect(vip).to_contain_text("They were among those who pay the most and stopped paying at that level")
    assert linked(page, "Who dropped out of VIP this month, and why it matters", len(dropped)) == dropped
    expect(page.get_by_role("region", name="Which EII customers need recovery?")).to_contain_text(f"{len(eii)} customers bring a high contribution")
    assert linked(page, "Which EII customers need recovery?", len(eii)) == eii

    # Filtered by a group holding some of them (the most), only the group's A customers.
    groups = [int(value) for value in page.get_by_label("Group").locator("option").evaluate_all("options => options.map(o => o.value)") if value]
    by_group = {group: a_customers & members(database, group) for group in groups}
    group = max((group for group in groups if by_group[group] < a_customers), key=lambda group: len(by_group[group]))
    assert by_group[group], "one of the groups holds some of the salesperson's A customers"
    page.get_by_label("Group").select_option(str(group))
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(re.compile(rf"/dashboards/\?.*tag={group}"))
    assert linked(page, "Who are my A customers?", len(by_group[group])) == by_group[group]

    # From the matrix, a point opens the customer's file; the owner edits the profile.
    page.get_by_role("link", name="The contribution × stability matrix").click()
    expect(page).to_have_url(re.compile(r"/dashboards/matrix/\?.*tag="))
    point = page.locator("#matrix-chart .scatterlayer .point").first
    expect(point).to_be_visible()
    box = point.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page).to_have_url(re.compile(r"/customers/\d+/$"))
    customer = int(re.search(r"/customers/(\d+)/$", page.url).group(1))
    ((owner,),) = database.query("SELECT u.username FROM customers c JOIN users u ON u.id = c.owner_id WHERE c.id = ?", customer)
    assert owner == SALESPERSON
    page.wait_for_load_state()  # HTMX starts once the deferred scripts ran
    profile = page.locator("#section-profile")
    profile.get_by_role("link", name="Edit").click()
    profile.get_by_label("family situation").fill("Two children at university")
    profile.get_by_role("button", name="Save").click()
    expect(profile).to_contain_text("Two children at university")
    assert database.query("SELECT family_situation FROM customer_profiles WHERE customer_id = ?", customer) == [("Two children at university",)]
    page.get_by_role("button", name="Log out").click()

    # The supervisor: how the team complies, each salesperson of the team on the compliance page.
    log_in(page, base_url, SUPERVISOR, DEMO_PASSWORD)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Team", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Team compliance")
    team = {name for (name,) in database.query(
        "SELECT u.first_name || ' ' || u.last_name FROM users u JOIN teams t ON t.id = u.team_id JOIN users s ON s.id = t.supervisor_id"
        " WHERE s.username = ? AND u.role = 'salesperson'",
        SUPERVISOR,
    )}  # fmt: skip
    listed = {text.strip() for text in page.locator("table.list tbody tr td:first-child").all_inner_texts()} - {""}
    assert listed == team
    page.get_by_role("button", name="Log out").click()

    # Another salesperson: refused the customer, then the answers in every language.
    log_in(page, base_url, OTHER, DEMO_PASSWORD)
    for path in (f"/customers/{customer}/", f"/customers/{customer}/edit/profile/"):
        response = page.goto(base_url + path)
        assert response is not None and response.status == 404, path
    for language, questions in QUESTIONS.items():
        choose_language(page, base_url, language)
        page.goto(base_url + "/dashboards/")
        for question in questions:
            expect(page.get_by_role("heading", level=2, name=question)).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tablouri de bord")
