from django.contrib.staticfiles import finders


def test_plotly_js_is_served_from_the_installed_package(client):
    response = client.get("/static/plotly/plotly.min.js")

    assert response.status_code == 200
    assert b"plotly.js" in b"".join(response.streaming_content)[:2000]


def test_only_plotly_js_is_found_in_the_package_data():
    assert finders.find("plotly/plotly.min.js")
    assert not finders.find("plotly/widgetbundle.js")
    assert [path for path, _storage in finders.get_finder("clientela.web.static_finders.PlotlyFinder").list([])] == ["plotly.min.js"]
