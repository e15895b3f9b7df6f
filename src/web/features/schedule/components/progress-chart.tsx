import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type CurveSeries = {
  name: string;
  points: { date: string; pct: number }[];
  dashed: boolean;
  color: string;
};

/**
 * The planned-versus-actual progress curve (ECharts, loaded only with the "Tiến độ" tab through React.lazy):
 * planned lines dashed, readings solid, a time axis, 0–100 %.
 */
export default function ProgressChart({
  series,
  formatDate,
}: {
  series: CurveSeries[];
  formatDate: (iso: string) => string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption({
      animation: false,
      grid: { left: 48, right: 24, top: 40, bottom: 32 },
      legend: { top: 0 },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (value: unknown) => `${String(value)} %`,
      },
      xAxis: {
        type: 'time',
        axisLabel: { formatter: (value: number) => formatDate(new Date(value).toISOString().slice(0, 10)) },
      },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
      series: series.map((s) => ({
        name: s.name,
        type: 'line',
        data: s.points.map((p) => [p.date, p.pct]),
        lineStyle: { type: s.dashed ? 'dashed' : 'solid', color: s.color },
        itemStyle: { color: s.color },
        symbolSize: s.dashed ? 4 : 7,
      })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [series, formatDate]);
  return <div ref={ref} data-testid="progress-chart" style={{ width: '100%', height: 300 }} />;
}
