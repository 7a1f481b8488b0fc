from tollwatch.store import Store


def test_store_opens_on_both_backends(db_url: str) -> None:
    with Store.open(db_url) as store:
        assert store.stats().documents == 0
