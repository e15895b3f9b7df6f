/** Incidents of a zone (shown in the tab "Thanh tra"). */
const vi = {
  'incident.title': 'Sự cố',
  'incident.empty': 'Chưa ghi nhận sự cố nào.',
  'incident.kind.fire_explosion': 'Cháy, nổ',
  'incident.kind.environmental_breach': 'Sự cố, vi phạm môi trường',
  'incident.kind.strike': 'Đình công, ngừng việc',
  'incident.kind.security': 'An ninh, trật tự',
  'incident.kind.accident': 'Tai nạn lao động',
  'incident.severity.minor': 'Nhẹ',
  'incident.severity.serious': 'Nghiêm trọng',
  'incident.severity.very_serious': 'Rất nghiêm trọng',
  'incident.people': '{count} người bị ảnh hưởng',
  'incident.damage': 'Thiệt hại: {text}',
  'incident.response': 'Xử lý: {text}',
  'incident.followUp': 'Theo dõi: {text}',
  'incident.closed': 'Kết thúc ngày {date}',
};

const en: Record<keyof typeof vi, string> = {
  'incident.title': 'Incidents',
  'incident.empty': 'No incidents recorded.',
  'incident.kind.fire_explosion': 'Fire or explosion',
  'incident.kind.environmental_breach': 'Environmental breach',
  'incident.kind.strike': 'Strike or work stoppage',
  'incident.kind.security': 'Security',
  'incident.kind.accident': 'Accident',
  'incident.severity.minor': 'Minor',
  'incident.severity.serious': 'Serious',
  'incident.severity.very_serious': 'Very serious',
  'incident.people': '{count} people affected',
  'incident.damage': 'Damage: {text}',
  'incident.response': 'Response: {text}',
  'incident.followUp': 'Follow-up: {text}',
  'incident.closed': 'Closed on {date}',
};

export const incidentMessages = { vi, en };
