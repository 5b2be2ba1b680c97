"""Every model module, imported once so Alembic and create_all see all tables."""
from shop.accounts.models import *  # noqa: F401,F403
from shop.catalog.models import *  # noqa: F401,F403
from shop.places.models import *  # noqa: F401,F403
from shop.producers.models import *  # noqa: F401,F403
from shop.geo.models import *  # noqa: F401,F403
from shop.cart.models import *  # noqa: F401,F403
from shop.orders.models import *  # noqa: F401,F403
from shop.payments.models import *  # noqa: F401,F403
from shop.outbox.models import *  # noqa: F401,F403
from shop.pages.models import *  # noqa: F401,F403
from shop.backoffice.models import *  # noqa: F401,F403
