-- The agencies named by plan 483/KH-UBND (Tiền Giang, 19/12/2024): the provincial departments and bodies, and the
-- district-level People's Committees as they stood then. Since 1 July 2025 the province is part of Đồng Tháp and
-- district-level government is gone: admins rename, retire and merge these with `talent agency ...`; this list is
-- only the starting point.
INSERT INTO agencies (code, name, kind) VALUES
    ('STP',     'Sở Tư pháp', 'department'),
    ('SNV',     'Sở Nội vụ', 'department'),
    ('STC',     'Sở Tài chính', 'department'),
    ('STTTT',   'Sở Thông tin và Truyền thông', 'department'),
    ('SKHDT',   'Sở Kế hoạch và Đầu tư', 'department'),
    ('SCT',     'Sở Công Thương', 'department'),
    ('SXD',     'Sở Xây dựng', 'department'),
    ('SGTVT',   'Sở Giao thông vận tải', 'department'),
    ('STNMT',   'Sở Tài nguyên và Môi trường', 'department'),
    ('SNNPTNT', 'Sở Nông nghiệp và Phát triển nông thôn', 'department'),
    ('SLDTBXH', 'Sở Lao động - Thương binh và Xã hội', 'department'),
    ('SGDDT',   'Sở Giáo dục và Đào tạo', 'department'),
    ('SYT',     'Sở Y tế', 'department'),
    ('SKHCN',   'Sở Khoa học và Công nghệ', 'department'),
    ('SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch', 'department'),
    ('TTT',     'Thanh tra tỉnh', 'department'),
    ('VPUBND',  'Văn phòng Ủy ban nhân dân tỉnh', 'department'),
    ('BQLKCN',  'Ban Quản lý các khu công nghiệp tỉnh', 'department'),
    ('MYTHO',   'Ủy ban nhân dân thành phố Mỹ Tho', 'district'),
    ('GOCONG',  'Ủy ban nhân dân thị xã Gò Công', 'district'),
    ('TXCAILAY', 'Ủy ban nhân dân thị xã Cai Lậy', 'district'),
    ('CAIBE',   'Ủy ban nhân dân huyện Cái Bè', 'district'),
    ('CAILAY',  'Ủy ban nhân dân huyện Cai Lậy', 'district'),
    ('TANPHUOC', 'Ủy ban nhân dân huyện Tân Phước', 'district'),
    ('CHAUTHANH', 'Ủy ban nhân dân huyện Châu Thành', 'district'),
    ('CHOGAO',  'Ủy ban nhân dân huyện Chợ Gạo', 'district'),
    ('GOCONGTAY', 'Ủy ban nhân dân huyện Gò Công Tây', 'district'),
    ('GOCONGDONG', 'Ủy ban nhân dân huyện Gò Công Đông', 'district'),
    ('TANPHUDONG', 'Ủy ban nhân dân huyện Tân Phú Đông', 'district');
