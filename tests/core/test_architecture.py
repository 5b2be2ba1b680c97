"""The shape of the code (docs/architecture.md): arrows that point one way, pages that import no page,
services that take their inputs, small modules, few repeated blocks, one template environment."""
import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[2]
SHOP = ROOT / "shop"
BIN = Path(sys.executable).parent

# The web layer and the infrastructure: modules that exist to read the request, the app's config or build
# URLs (pages and their forms are found by what they contain). Every other module of shop/ is domain code
# and takes its inputs as arguments.
WEB_LAYER = {
    "shop", "shop.web", "shop.errors", "shop.i18n", "shop.cache_pages", "shop.security", "shop.sqlcount",
    "shop.static_files", "shop.template_env", "shop.template_memo", "shop.cli", "shop.accounts.access", "shop.cart.session",
    "shop.showroom.links", "shop.pages.site", "shop.seo.jsonld", "shop.catalog.search_lines", "shop.api.serializers",
    "shop.api.headers",
    "shop.api.params", "shop.api.openapi", "shop.metrics_web", "shop.logs", "shop.inputs", "shop.health",
    # infrastructure: built from the app's config (storage, mail transport, jobs, the PDF cache)
    "shop.storage", "shop.mailer", "shop.jobs", "shop.showroom.pdf_cache", "shop.outbox.delivery",
}
REQUEST_NAMES = {"request", "g", "session", "current_app", "url_for"}
DATA_MODULES = re.compile(r"^shop/demo/content(_\w+)?\.py$")  # demo texts: data, not code
MAX_LINES = 400
MAX_REPEATED_BLOCKS = 10


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(SHOP.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


MODULES = _modules()


def _tree(name: str) -> ast.Module:
    return ast.parse(MODULES[name].read_text(encoding="utf-8"))


def _is_page(name: str) -> bool:
    """A views module or package, a page package's forms, or any module that makes a blueprint or adds routes."""
    if name.split(".")[-1] in ("views", "forms") and name != "shop.forms":
        return True
    for node in ast.walk(_tree(name)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Blueprint":
            return True
        if isinstance(node, ast.FunctionDef):
            for decorator in node.decorator_list:
                target = decorator.func if isinstance(decorator, ast.Call) else decorator
                if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) \
                        and target.value.id == "bp" and target.attr in ("route", "get", "post"):
                    return True
    return False


PAGES = {name for name in MODULES if _is_page(name)}


def _area(name: str) -> str:
    """The page area a page module belongs to: its domain package (shop.backoffice.views.orders → shop.backoffice)."""
    parts = name.split(".")
    return ".".join(parts[:2]) if len(parts) > 2 else name


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph("shop", cache_dir=None)


def _cycles(graph) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index, low, on_stack, stack, out, counter = {}, {}, set(), [], [], [0]
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = counter[0]
        counter[0] += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter[0]
                    counter[0] += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.find_modules_directly_imported_by(child)))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    out.append(sorted(component))
    return out


def test_no_import_cycle_among_shop_modules(graph):
    """No two modules of shop/ import each other, directly or round a loop, counting imports inside functions."""
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle():
    """The cycle check is not vacuous: a loop of three modules is reported as one component."""

    class Loop:
        modules = {"a", "b", "c", "d"}
        edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}

        def find_modules_directly_imported_by(self, name):
            return self.edges[name]

    loop = Loop()
    loop.modules = Loop.modules
    assert _cycles(loop) == [["a", "b", "c"]]


def test_no_page_module_imports_another_pages_module(graph):
    """A page (blueprint, routes or page forms) is imported only by create_app and by pages of its own area."""
    assert {"shop.orders.views", "shop.backoffice.views.orders", "shop.portal.forms", "shop.web"} <= PAGES
    wrong = []
    for page in sorted(PAGES):
        for importer in sorted(graph.find_modules_that_directly_import(page)):
            if importer == "shop" or (importer in PAGES and _area(importer) == _area(page)):
                continue
            wrong.append(f"{importer} imports {page}")
    assert wrong == []


def test_domain_modules_do_not_read_the_request():
    """Services and every other non-web module never use request, g, session, current_app or url_for."""
    offenders = []
    for name in sorted(set(MODULES) - PAGES - WEB_LAYER):
        if name.endswith(".cli"):
            continue  # commands run in an app context they make themselves
        for node in ast.walk(_tree(name)):
            if isinstance(node, ast.ImportFrom) and node.module in ("flask", "flask_login"):
                used = {alias.name for alias in node.names} & (REQUEST_NAMES | {"current_user"})
                offenders += [f"{name}: {n}" for n in sorted(used)]
            elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "flask" \
                    and node.attr in REQUEST_NAMES:
                offenders.append(f"{name}: flask.{node.attr}")
    assert offenders == []
    assert {"shop.orders.checkout", "shop.orders.mail", "shop.cart.services"} <= set(MODULES) - PAGES - WEB_LAYER


def test_no_module_is_over_400_lines_but_data():
    """Every module of shop/ but the demo texts has at most 400 lines."""
    long = {str(path.relative_to(ROOT)): n for path in MODULES.values()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
            and not DATA_MODULES.match(str(path.relative_to(ROOT)))}
    assert long == {}


def test_template_globals_come_from_one_module():
    """Only shop/template_env.py adds Jinja globals, filters or context processors."""
    pattern = re.compile(r"jinja_env\.(globals|filters|tests)|app_template_(global|filter)|app_context_processor|"
                         r"context_processor\(|"
                         r"template_filter|template_global|record_once")
    found = [f"{name}: {line.strip()}" for name, path in MODULES.items() if name != "shop.template_env"
             for line in path.read_text(encoding="utf-8").splitlines() if pattern.search(line)]
    assert found == []


def test_import_contracts_hold():
    """import-linter's contracts in pyproject.toml (core imports no domain, payments and services no pages) hold."""
    result = subprocess.run([str(BIN / "lint-imports"), "--no-cache"], cwd=ROOT, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_at_most_ten_repeated_blocks_in_shop():
    """pylint's duplicate-code check (blocks of six lines or more) finds at most 10 in shop/."""
    result = subprocess.run([str(BIN / "pylint"), "--disable=all", "--enable=duplicate-code",
                             "--min-similarity-lines=6", "--jobs=1", "--score=n", "shop"],
                            cwd=ROOT, capture_output=True, text=True, timeout=600,
                            env={**os.environ, "PYLINTHOME": str(ROOT / ".pytest_cache" / "pylint")})
    repeated = result.stdout.count("Similar lines in")
    assert result.returncode in (0, 8), result.stdout + result.stderr  # 8: refactoring messages only
    assert repeated <= MAX_REPEATED_BLOCKS, result.stdout
