"""The demo's follow-up history: contacts logged over the last weeks, kept by each salesperson with their own diligence."""

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from clientela.crm.models import Customer, User
from clientela.followup.models import ContactLog
from clientela.followup.planner import plan_refresh
from clientela.followup.selectors import followed_customers, interval_days

HISTORY_WEEKS = 10
PURPOSES = ("order review", "new products", "payment follow-up", "promotion", "service check")


def followup_history(*, seed: int, end: date) -> int:
    """Log past contacts for every salesperson's followed customers, then plan each salesperson from `end`.

    Each salesperson keeps the discipline with a diligence between 60 % and 98 %: a contact that
    is due happens with that probability, a few days early or late, on a working day. Returns the
    contacts logged.
    """
    rng = random.Random(seed)
    zone = timezone.get_current_timezone()
    logs = []
    for salesperson in User.objects.filter(role=User.Role.SALESPERSON).order_by("username"):
        diligence = rng.uniform(0.6, 0.98)
        for followed in followed_customers(Customer.objects.filter(owner=salesperson).exclude(status=Customer.Status.LOST)):
            step = interval_days(followed.policy)
            day = end - timedelta(weeks=HISTORY_WEEKS) + timedelta(days=rng.randrange(step))
            while day < end:
                if day.weekday() > 4:  # a weekend: the next Monday
                    day += timedelta(days=7 - day.weekday())
                if rng.random() < diligence and day < end:
                    at = datetime.combine(day, time(rng.randint(9, 16), rng.choice((0, 15, 30, 45))), zone)
                    outcome = rng.choices(list(ContactLog.Outcome), weights=(50, 30, 12, 5, 3))[0]
                    logs.append(
                        ContactLog(
                            customer=followed.customer,
                            salesperson=salesperson,
                            at=at,
                            channel=followed.policy.channel,
                            minutes=followed.policy.minutes,
                            purpose=rng.choice(PURPOSES),
                            outcome=outcome,
                        )
                    )
                day += timedelta(days=step + rng.randint(-3, 1))
    ContactLog.objects.bulk_create(logs, batch_size=2000)
    for salesperson in User.objects.filter(role=User.Role.SALESPERSON):
        plan_refresh(salesperson=salesperson, start=end)
    return len(logs)
