-- Canned queries served with every miner database: the common questions of office staff and
-- researchers, answered without writing SQL. Written for miner over its own schema (miner/store.py);
-- the words are those of Nghị định 30/2020/NĐ-CP (số, ký hiệu, trích yếu, cơ quan ban hành) and of
-- Luật Thi đua, khen thưởng 06/2022/QH15 (danh hiệu, hình thức khen thưởng).
-- Each query: "-- name:", "-- title: Vietnamese / English", "-- description:", then its SQL. A parameter
-- left empty means "any". fts_match(), search_snippet(), search_tier(), words_match(), fold() and
-- symbol_key() are the plugin's SQL functions (miner/web/__init__.py).

-- name: tim_kiem
-- title: Tìm kiếm đoạn văn, đúng dấu trước / Paragraph search, as typed first
-- description: Đoạn văn chứa mọi từ tìm (có dấu hay không dấu); gõ có dấu thì đoạn viết đúng như vậy đứng trước (bậc 0: cả cụm đúng dấu, 1: từng từ đúng dấu, 2: cả cụm không dấu, 3: từng từ không dấu); từ khớp nằm trong ⟦ ⟧. Xét 500 đoạn khớp mới nhất (10.000 khi lọc). Lọc theo năm, tỉnh, loại và cơ quan ban hành của văn bản. Ví dụ: Kho bạc. / Paragraphs holding every word searched (with or without diacritics); typed with marks, those written so come first (tier 0: the phrase as typed, 1: the words as typed, 2: the phrase folded only, 3: the words folded only); matches in ⟦ ⟧. Ranks the newest 500 matches (10,000 with a filter). Filter by the document's year, province, kind and issuer.
with best as materialized (
  -- the newest matches: FTS5 reads its index from the end and stops there (no score of every match)
  select rowid as id
  from paragraphs_fts
  where paragraphs_fts match coalesce(fts_match(:q), '""')
  order by rowid desc
  limit case when :nam = '' and :tinh = '' and :loai = '' and :co_quan = '' then 500 else 10000 end
)
select
  paragraphs.id as paragraph_id,
  search_snippet(paragraphs.text, :q) as doan_trich,
  documents.id as document_id,
  documents.title,
  documents.symbol,
  documents.year,
  documents.province,
  documents.kind,
  documents.issuer,
  search_tier(paragraphs.text, :q) as tier
from best
join paragraphs on paragraphs.id = best.id
join documents on documents.id = paragraphs.document_id
where (:nam = '' or documents.year = cast(:nam as integer))
  and (:tinh = '' or fold(documents.province) = fold(:tinh))
  and (:loai = '' or documents.kind = :loai)
  and (:co_quan = '' or fold(documents.issuer) like '%' || fold(:co_quan) || '%')
order by tier, paragraphs.id desc
limit 100

-- name: khen_thuong_cua_don_vi
-- title: Khen thưởng của một đơn vị theo năm / Awards of a unit by year
-- description: Danh hiệu, hình thức khen thưởng mà đơn vị (hoặc cá nhân) có tên chứa mọi chữ nhập vào, theo thứ tự nào, có dấu hay không, đã nhận hoặc được đề nghị, theo năm. Ví dụ: kho bac dak nong. / The awards granted to (or proposed for) the units or persons whose name holds every word typed, in any order, with or without diacritics, by year.
select
  award_events.year,
  award_events.award,
  award_events.recipient,
  award_events.recipient_organization_id,
  award_events.status,
  award_events.grantor,
  award_events.decision,
  award_events.document_id,
  award_events.paragraph_id
from award_events
left join organizations on organizations.id = award_events.recipient_organization_id
where :don_vi != ''
  and (words_match(award_events.recipient, :don_vi) or words_match(organizations.name, :don_vi))
order by award_events.year desc, award_events.award

-- name: van_ban_duoc_dan_nhieu_nhat
-- title: Văn bản được dẫn chiếu nhiều nhất / The most cited documents
-- description: Các văn bản được nhiều văn bản khác dẫn chiếu nhất, có thể lọc theo loại (Quyết định, Nghị định ...). / The documents cited by the most other documents, optionally of one type.
select
  cited_documents.id as cited_document_id,
  cited_documents.label,
  cited_documents.issued_date,
  cited_documents.issuer,
  cited_documents.subject,
  count(distinct citations.document_id) as citing_documents,
  count(*) as citations
from citations
join cited_documents on cited_documents.id = citations.cited_document_id
where :loai = '' or fold(cited_documents.doc_type) = fold(:loai)
group by cited_documents.id
order by citing_documents desc, citations desc, cited_documents.label
limit 100

-- name: van_ban_theo_nam_tinh
-- title: Văn bản của một năm và một tỉnh / Documents of a year and a province
-- description: Các văn bản đã nạp nói về một năm và một tỉnh (để trống để bỏ qua). Ví dụ: 2023, Đắk Nông. / The stored documents about a year and a province (leave one empty for any).
select
  documents.id,
  documents.title,
  documents.kind,
  documents.symbol,
  documents.issued_date,
  documents.issuer,
  documents.province,
  documents.year
from documents
where (:nam = '' or documents.year = cast(:nam as integer))
  and (:tinh = '' or fold(documents.province) = fold(:tinh))
order by documents.issued_date desc

-- name: van_ban_dan_chieu
-- title: Mọi văn bản dẫn chiếu một văn bản / Everything citing a given document
-- description: Mọi đoạn văn dẫn chiếu văn bản có số, ký hiệu nhập vào, viết thế nào cũng được (354/QĐ-UBND, 354/QD-UBND, 354 / QĐ - UBND). Trang Tra cứu (/-/tra-cuu) nhận cả "QĐ 354" hay "quyết định số 354". / Every paragraph citing the document with this symbol, however written. The lookup page (/-/tra-cuu) also takes "QĐ 354" or "quyết định số 354".
select
  cited_documents.label,
  cited_documents.issued_date as cited_date,
  cited_documents.issuer as cited_issuer,
  citations.text as written,
  documents.id as document_id,
  documents.title,
  documents.symbol,
  documents.issued_date,
  citations.paragraph_id,
  paragraphs.text as paragraph
from cited_documents
join citations on citations.cited_document_id = cited_documents.id
join documents on documents.id = citations.document_id
left join paragraphs on paragraphs.id = citations.paragraph_id
where cited_documents.symbol_key = symbol_key(:so_ky_hieu)
order by documents.issued_date desc, paragraphs.id

-- name: don_vi_nhan_danh_hieu
-- title: Đơn vị nhận một loại khen thưởng trong khoảng năm / Units that received an award type in a year range
-- description: Tập thể, cá nhân được tặng loại khen thưởng nhập vào (Cờ thi đua, Bằng khen, Tập thể lao động xuất sắc ...) từ năm đến năm (để trống để bỏ qua). / The units and persons granted the award type typed, from one year to another (leave a year empty for any).
select
  award_events.recipient,
  award_events.recipient_organization_id,
  award_events.award,
  group_concat(distinct award_events.year) as years,
  count(*) as times
from award_events
where :danh_hieu != '' and fold(award_events.award) like '%' || fold(:danh_hieu) || '%'
  and award_events.status = 'granted'
  and (:tu_nam = '' or award_events.year >= cast(:tu_nam as integer))
  and (:den_nam = '' or award_events.year <= cast(:den_nam as integer))
group by award_events.recipient, award_events.award
order by times desc, award_events.recipient

-- name: khen_thuong_theo_nam
-- title: Số khen thưởng theo năm và loại / Awards per year by type
-- description: Số lần khen thưởng đã tặng mỗi năm, theo loại (dữ liệu của biểu đồ ở /-/bieu-do). / Awards granted per year and type (the data of the chart at /-/bieu-do).
select award_events.year, award_events.award, count(*) as awards
from award_events
where award_events.year is not null and award_events.status = 'granted'
group by award_events.year, award_events.award
order by award_events.year, award_events.award

-- name: dan_chieu_theo_nam
-- title: Số lần dẫn chiếu theo năm / Citations per year
-- description: Số lần dẫn chiếu văn bản khác theo năm của văn bản dẫn chiếu (dữ liệu của biểu đồ ở /-/bieu-do). / Citations per year of the citing document (the data of the chart at /-/bieu-do).
select documents.year, count(*) as citations, count(distinct citations.cited_document_id) as cited_documents
from citations
join documents on documents.id = citations.document_id
where documents.year is not null
group by documents.year
order by documents.year

-- name: van_ban_theo_dia_danh_moi
-- title: Văn bản nhắc địa danh nay thuộc xã, phường, tỉnh mới / Documents naming places that now lie in a new commune or province
-- description: Các văn bản nhắc đến địa danh (theo tên cũ) nay thuộc xã, phường hay tỉnh nhập vào, sau sắp xếp đơn vị hành chính ngày 1/7/2025; có dấu hay không dấu đều được. Ví dụ: Bắc Gia Nghĩa tìm ra văn bản nhắc phường Nghĩa Đức, thành phố Gia Nghĩa; Lâm Đồng tìm ra văn bản nhắc tỉnh Đắk Nông. / The documents naming places (by their old names) that since 1 July 2025 lie in the commune, ward or province typed, with or without diacritics: Bắc Gia Nghĩa finds the documents naming phường Nghĩa Đức of Gia Nghĩa; Lâm Đồng those naming Đắk Nông.
select
  coalesce(ltrim(locations.now_in, ', '), locations.merged_into) as now_in,
  trim(coalesce(locations.level, '') || ' ' || locations.name) as place,
  locations.province,
  documents.id as document_id,
  documents.title,
  documents.year,
  documents.kind,
  count(*) as mentions
from locations
join location_mentions on location_mentions.location_id = locations.id
join documents on documents.id = location_mentions.document_id
where :dia_danh != ''
  and (fold(locations.now_in) like '%' || fold(:dia_danh) || '%' or fold(locations.merged_into) = fold(:dia_danh))
group by locations.id, documents.id
order by documents.year desc, documents.id, place
limit 1000
