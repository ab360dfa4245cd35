"""What each dashboard draws: Plotly figures and the same data as tables (shown under the chart and exported)."""
